package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link InMemoryNodeStore} keeps the {@link NodeStore} contract. */
class InMemoryNodeStoreTest extends NodeStoreContractTest {

  @Override
  protected NodeStore newStore() {
    return new InMemoryNodeStore();
  }

  @Test
  void nodeIdsAreValidated() {
    assertThatThrownBy(() -> new NodeId(63, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
