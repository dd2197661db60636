package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link InMemoryNodeStore} enforces the {@link NodeStore} contract. */
class InMemoryNodeStoreTest {

  private static final byte[] HASH = new byte[MerkleHash.SIZE];

  @Test
  void growsByExactlyTheNewlyCompleteNodes() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.putAll(
        0, 3, nodes(new NodeId(0, 0), new NodeId(0, 1), new NodeId(0, 2), new NodeId(1, 0)));
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.getAll(List.of(new NodeId(1, 0), new NodeId(0, 2)))).hasSize(2);
    assertThatThrownBy(() -> store.get(new NodeId(1, 1)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("not complete at size 3");
    assertThatThrownBy(() -> store.putAll(3, 4, nodes(new NodeId(0, 3), new NodeId(1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("growing 3 -> 4 completes 3 nodes, got 2");
    assertThatThrownBy(
            () -> store.putAll(3, 4, nodes(new NodeId(0, 3), new NodeId(1, 1), new NodeId(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not become complete");
    assertThatThrownBy(() -> store.putAll(2, 4, Map.of()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.putAll(3, 3, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void nodeIdsAreValidated() {
    assertThatThrownBy(() -> new NodeId(63, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<NodeId, byte[]> nodes(NodeId... ids) {
    Map<NodeId, byte[]> nodes = new HashMap<>();
    for (NodeId id : ids) {
      nodes.put(id, HASH);
    }
    return nodes;
  }
}
