package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link MerkleLog} against {@link ReferenceMerkle}, the RFC's recursive definitions, and
 * feeds every proof it produces to {@link ProofVerifier}.
 */
class ReferenceCrossCheckTest {

  private static final long SEED = 0x6b70_6c65_6467_6572L;
  private static final int SMALL = 1000;
  private static final int LARGE = (1 << 14) + 1234;

  private static List<byte[]> entries;

  /** referenceRoots.get(n) is the reference MTH of the first n entries, n = 0..1000. */
  private static List<byte[]> referenceRoots;

  private static MerkleLog log;

  @BeforeAll
  static void buildLog() {
    Random random = new Random(SEED);
    entries = new ArrayList<>();
    for (int i = 0; i < LARGE; i++) {
      byte[] entry = new byte[random.nextInt(41)];
      random.nextBytes(entry);
      entries.add(entry);
    }
    log = new MerkleLog(new InMemoryNodeStore());
    for (byte[] entry : entries) {
      log.append(MerkleHash.leafHash(entry));
    }
    referenceRoots = new ArrayList<>();
    for (int n = 0; n <= SMALL; n++) {
      referenceRoots.add(ReferenceMerkle.mth(entries.subList(0, n)));
    }
  }

  @Test
  void everyRootUpTo1000MatchesTheReference() {
    MerkleLog growing = new MerkleLog(new InMemoryNodeStore());
    assertThat(growing.root()).isEqualTo(referenceRoots.get(0)).isEqualTo(log.root(0));
    for (int n = 1; n <= SMALL; n++) {
      growing.append(MerkleHash.leafHash(entries.get(n - 1)));
      byte[] expected = referenceRoots.get(n);
      assertThat(growing.root()).as("root() at size %d", n).isEqualTo(expected);
      assertThat(log.root(n)).as("root(%d) of the larger log", n).isEqualTo(expected);
    }
  }

  @Test
  void inclusionProofsOfEveryLeafAtSampleSizes() throws ProofException {
    for (int n : sampleSizes()) {
      List<byte[]> d = entries.subList(0, n);
      byte[] root = referenceRoots.get(n);
      for (int m = 0; m < n; m++) {
        checkInclusion(m, n, d, root);
      }
    }
  }

  @Test
  void consistencyProofsFromEverySizeAtSampleSizes() throws ProofException {
    for (int n : sampleSizes()) {
      List<byte[]> d = entries.subList(0, n);
      for (int m = 1; m <= n; m++) {
        checkConsistency(m, n, d, referenceRoots.get(m), referenceRoots.get(n));
      }
    }
  }

  @Test
  void randomProofsInTheLargerLog() throws ProofException {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 25; round++) {
      int n = SMALL + 1 + random.nextInt(LARGE - SMALL);
      List<byte[]> d = entries.subList(0, n);
      byte[] root = ReferenceMerkle.mth(d);
      assertThat(log.root(n)).as("root(%d)", n).isEqualTo(root);
      checkInclusion(random.nextInt(n), n, d, root);
      checkInclusion(n - 1, n, d, root);
      int m = 1 + random.nextInt(n);
      checkConsistency(m, n, d, ReferenceMerkle.mth(entries.subList(0, m)), root);
    }
  }

  private static void checkInclusion(int m, int n, List<byte[]> d, byte[] root)
      throws ProofException {
    List<byte[]> proof = log.inclusionProof(m, n);
    assertThat(proof)
        .as("inclusion proof of leaf %d at size %d", m, n)
        .containsExactlyElementsOf(ReferenceMerkle.path(m, d));
    ProofVerifier.verifyInclusion(m, n, MerkleHash.leafHash(d.get(m)), proof, root);
  }

  private static void checkConsistency(int m, int n, List<byte[]> d, byte[] root1, byte[] root2)
      throws ProofException {
    List<byte[]> proof = log.consistencyProof(m, n);
    assertThat(proof)
        .as("consistency proof %d -> %d", m, n)
        .containsExactlyElementsOf(ReferenceMerkle.proof(m, d));
    ProofVerifier.verifyConsistency(m, n, root1, root2, proof);
  }

  /** Every size to 70, then around each power of two and a few others up to 1000. */
  private static TreeSet<Integer> sampleSizes() {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int n = 1; n <= 70; n++) {
      sizes.add(n);
    }
    for (int p = 128; p <= 512; p <<= 1) {
      sizes.add(p - 1);
      sizes.add(p);
      sizes.add(p + 1);
    }
    sizes.addAll(List.of(100, 341, 683, SMALL));
    return sizes;
  }
}
