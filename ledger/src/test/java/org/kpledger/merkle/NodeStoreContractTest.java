package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link NodeStore} contract. Every implementation has a test class that extends this one and
 * says how to make an empty store.
 */
public abstract class NodeStoreContractTest {

  private static final byte[] HASH = new byte[MerkleHash.SIZE];

  private NodeStore store;

  /**
   * Makes a new, empty store.
   *
   * @return the store under test
   */
  protected abstract NodeStore newStore();

  @BeforeEach
  void emptyStore() {
    store = newStore();
  }

  @Test
  void anEmptyStoreHasSizeZeroAndNoNodes() {
    assertThat(store.size()).isZero();
    assertThat(store.getAll(List.of())).isEmpty();
    assertThatThrownBy(() -> store.get(new NodeId(0, 0)))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void growsByExactlyTheNewlyCompleteNodes() {
    store.putAll(0, 3, nodes(id(0, 0), id(0, 1), id(0, 2), id(1, 0)));
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.getAll(List.of(id(1, 0), id(0, 2)))).hasSize(2);
    assertThatThrownBy(() -> store.get(id(1, 1)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("not complete at size 3");
    store.putAll(3, 4, nodes(id(0, 3), id(1, 1), id(2, 0)));
    assertThat(store.size()).isEqualTo(4);
  }

  @Test
  void refusesMissingExtraOrMisplacedNodesAndStaysAsItWas() {
    store.putAll(0, 3, nodes(id(0, 0), id(0, 1), id(0, 2), id(1, 0)));
    assertThatThrownBy(() -> store.putAll(3, 4, nodes(id(0, 3), id(1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("growing 3 -> 4 completes 3 nodes, got 2");
    assertThatThrownBy(() -> store.putAll(3, 4, nodes(id(0, 3), id(1, 1), id(1, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not become complete");
    assertThatThrownBy(() -> store.putAll(3, 3, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    Map<NodeId, byte[]> shortHash = nodes(id(0, 3), id(1, 1), id(2, 0));
    shortHash.put(id(2, 0), new byte[31]);
    assertThatThrownBy(() -> store.putAll(3, 4, shortHash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-byte hash");
    assertThat(store.size()).isEqualTo(3);
    assertThatThrownBy(() -> store.get(id(0, 3))).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void refusesToGrowFromAStaleSize() {
    store.putAll(0, 2, nodes(id(0, 0), id(0, 1), id(1, 0)));
    assertThatThrownBy(() -> store.putAll(1, 2, nodes(id(0, 1), id(1, 0))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("store has size 2, caller expected 1");
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void returnsHashesInTheOrderAskedAndCallersCannotAlterThem() {
    byte[] a = filled(1);
    byte[] b = filled(2);
    store.putAll(0, 1, Map.of(id(0, 0), a.clone()));
    store.putAll(1, 2, Map.of(id(0, 1), b.clone(), id(1, 0), MerkleHash.nodeHash(a, b)));
    List<byte[]> got = store.getAll(List.of(id(0, 1), id(0, 0), id(0, 1)));
    assertThat(got).containsExactly(b, a, b);
    got.get(0)[0] = 9;
    assertThat(store.get(id(0, 1))).isEqualTo(b);
  }

  @Test
  void aLogOverTheStoreMatchesTheRfcReferenceAfterReopening() throws ProofException {
    Random random = new Random(42);
    List<byte[]> entries = new ArrayList<>();
    MerkleLog log = new MerkleLog(store);
    for (int batch : new int[] {1, 2, 5, 1, 17, 64, 3}) {
      List<byte[]> leaves = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        byte[] entry = new byte[random.nextInt(20)];
        random.nextBytes(entry);
        entries.add(entry);
        leaves.add(MerkleHash.leafHash(entry));
      }
      log.appendAll(leaves);
    }
    MerkleLog reopened = new MerkleLog(store);
    int n = entries.size();
    assertThat(reopened.size()).isEqualTo(n);
    assertThat(reopened.root()).isEqualTo(ReferenceMerkle.mth(entries));
    for (int m = 0; m < n; m += 7) {
      assertThat(reopened.inclusionProof(m, n))
          .containsExactlyElementsOf(ReferenceMerkle.path(m, entries));
      ProofVerifier.verifyInclusion(
          m,
          n,
          MerkleHash.leafHash(entries.get(m)),
          reopened.inclusionProof(m, n),
          reopened.root());
    }
    for (int m = 1; m < n; m += 11) {
      assertThat(reopened.consistencyProof(m, n))
          .containsExactlyElementsOf(ReferenceMerkle.proof(m, entries));
    }
  }

  /**
   * Returns the store under test.
   *
   * @return the store made for the current test
   */
  protected NodeStore store() {
    return store;
  }

  private static NodeId id(int level, long index) {
    return new NodeId(level, index);
  }

  private static byte[] filled(int value) {
    byte[] hash = new byte[MerkleHash.SIZE];
    java.util.Arrays.fill(hash, (byte) value);
    return hash;
  }

  private static Map<NodeId, byte[]> nodes(NodeId... ids) {
    Map<NodeId, byte[]> nodes = new HashMap<>();
    for (NodeId id : ids) {
      nodes.put(id, HASH);
    }
    return nodes;
  }
}
