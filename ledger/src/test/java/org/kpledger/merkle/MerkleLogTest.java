package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link MerkleLog} beyond the reference cross-check: known answers, batching,
 * storage.
 */
class MerkleLogTest {

  private static final HexFormat HEX = HexFormat.of();

  /** The RFC 6962 test entries used by Certificate Transparency implementations. */
  private static final String[] ENTRIES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** Their roots at sizes 1 to 8. */
  private static final String[] ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void knownRfc6962Roots() {
    assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    assertThat(log.root()).isEqualTo(MerkleHash.emptyRoot()).isEqualTo(log.root(0));
    for (String entry : ENTRIES) {
      log.append(MerkleHash.leafHash(HEX.parseHex(entry)));
    }
    for (int n = 1; n <= ENTRIES.length; n++) {
      assertThat(HEX.formatHex(log.root(n))).as("root at size %d", n).isEqualTo(ROOTS[n - 1]);
    }
    assertThat(log.root()).isEqualTo(log.root(8));
  }

  @Test
  void batchesSingleAppendsAndReopeningAgree() {
    List<byte[]> leaves = randomLeaves(3000, 1);
    MerkleLog single = new MerkleLog(new InMemoryNodeStore());
    leaves.forEach(single::append);
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog batched = new MerkleLog(store);
    Random random = new Random(2);
    for (int next = 0; next < leaves.size(); ) {
      int count = Math.min(1 + random.nextInt(300), leaves.size() - next);
      assertThat(batched.appendAll(leaves.subList(next, next + count))).isEqualTo(next);
      next += count;
      MerkleLog reopened = new MerkleLog(store);
      assertThat(reopened.size()).isEqualTo(next);
      assertThat(reopened.root()).isEqualTo(single.root(next)).isEqualTo(batched.root());
    }
    assertThat(batched.size()).isEqualTo(single.size()).isEqualTo(leaves.size());
    for (int n = 1; n <= leaves.size(); n += 97) {
      assertThat(batched.inclusionProof(n / 2, n))
          .containsExactlyElementsOf(single.inclusionProof(n / 2, n));
      assertThat(batched.consistencyProof(n / 3 + 1, n))
          .containsExactlyElementsOf(single.consistencyProof(n / 3 + 1, n));
    }
    assertThat(batched.leafHash(1234)).isEqualTo(leaves.get(1234));
  }

  @Test
  void proofsReadFewNodesInOneRoundTrip() {
    CountingNodeStore store = new CountingNodeStore(new InMemoryNodeStore());
    MerkleLog log = new MerkleLog(store);
    int size = (1 << 17) + 12345;
    List<byte[]> leaves = randomLeaves(size, 3);
    for (int i = 0; i < size; i += 1000) {
      log.appendAll(leaves.subList(i, Math.min(i + 1000, size)));
    }
    Random random = new Random(4);
    long maxReads = 0;
    for (int round = 0; round < 2000; round++) {
      long n = 2 + random.nextInt(size - 1);
      long bound = 2L * (64 - Long.numberOfLeadingZeros(n - 1));
      store.reset();
      log.inclusionProof(random.nextLong(n), n);
      assertThat(store.nodesRead).as("inclusion reads at size %d", n).isLessThanOrEqualTo(bound);
      maxReads = Math.max(maxReads, store.nodesRead);
      store.reset();
      log.consistencyProof(1 + random.nextLong(n - 1), n);
      assertThat(store.nodesRead).as("consistency reads at size %d", n).isLessThanOrEqualTo(bound);
      assertThat(store.roundTrips).isEqualTo(1);
      store.reset();
      log.root(n);
      assertThat(store.nodesRead).isEqualTo(Long.bitCount(n));
    }
    assertThat(maxReads).isLessThanOrEqualTo(36);
  }

  @Test
  void aSecondWriterOnTheSameStoreIsRefused() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog first = new MerkleLog(store);
    MerkleLog second = new MerkleLog(store);
    first.append(MerkleHash.leafHash(new byte[] {1}));
    assertThatThrownBy(() -> second.append(MerkleHash.leafHash(new byte[] {2})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store has size 1, caller expected 0");
    assertThat(second.size()).isZero();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aBadBatchAppendsNothing() {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    List<byte[]> batch = new ArrayList<>(randomLeaves(5, 5));
    batch.set(3, new byte[31]);
    assertThatThrownBy(() -> log.appendAll(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaf hash for index 3 is not 32 bytes");
    assertThat(log.size()).isZero();
    assertThat(log.root()).isEqualTo(MerkleHash.emptyRoot());
    assertThatThrownBy(() -> log.appendAll(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void argumentsOutsideTheLogAreRefused() {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    log.appendAll(randomLeaves(10, 6));
    assertThatThrownBy(() -> log.root(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size 11 is outside 0..10");
    assertThatThrownBy(() -> log.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaf index 5 is outside 0..4");
    assertThatThrownBy(() -> log.inclusionProof(-1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.consistencyProof(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need 0 < size1 <= size2, got size1 0, size2 5");
    assertThatThrownBy(() -> log.consistencyProof(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.leafHash(10)).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.consistencyProof(7, 7)).isEmpty();
    assertThat(log.inclusionProof(0, 1)).isEmpty();
  }

  @Test
  void callersCannotAlterTheLog() {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    byte[] leaf = MerkleHash.leafHash(new byte[] {7});
    log.append(leaf);
    byte[] root = log.root();
    leaf[0] ^= 1;
    log.root()[0] ^= 1;
    log.leafHash(0)[0] ^= 1;
    assertThat(log.root()).isEqualTo(root).isEqualTo(log.root(1)).isEqualTo(log.leafHash(0));
  }

  static List<byte[]> randomLeaves(int count, long seed) {
    Random random = new Random(seed);
    List<byte[]> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] leaf = new byte[MerkleHash.SIZE];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
    return leaves;
  }
}
