package org.kpledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.merkle.ProofException.Reason.EMPTY_FIRST_TREE;
import static org.kpledger.merkle.ProofException.Reason.INDEX_BEYOND_SIZE;
import static org.kpledger.merkle.ProofException.Reason.NEGATIVE_ARGUMENT;
import static org.kpledger.merkle.ProofException.Reason.ROOT_MISMATCH;
import static org.kpledger.merkle.ProofException.Reason.SIZE1_GREATER_THAN_SIZE2;
import static org.kpledger.merkle.ProofException.Reason.WRONG_HASH_LENGTH;
import static org.kpledger.merkle.ProofException.Reason.WRONG_PROOF_SIZE;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tampered and malformed proofs are rejected, each with a message that names the defect. Wrong tree
 * sizes are probed with {@code 2n} and {@code n / 2} only: a proof binds hashes, so the same proof
 * and root can also verify at a claimed size {@code n +- 1} (see the package documentation).
 */
class ProofVerifierTest {

  private static final int N = 77;
  private static final int[] SIZES = {1, 2, 3, 7, 8, 9, 31, 32, 33, 50, N};
  private static MerkleLog log;

  @BeforeAll
  static void buildLog() {
    log = new MerkleLog(new InMemoryNodeStore());
    for (int i = 0; i < N; i++) {
      log.append(MerkleHash.leafHash(new byte[] {(byte) i}));
    }
  }

  @Test
  void tamperedInclusionProofsAreRejected() {
    for (int n : SIZES) {
      for (int m = 0; m < n; m++) {
        byte[] leaf = log.leafHash(m);
        byte[] root = log.root(n);
        List<byte[]> proof = log.inclusionProof(m, n);
        int index = m;
        assertThatCode(() -> ProofVerifier.verifyInclusion(index, n, leaf, proof, root))
            .doesNotThrowAnyException();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> flipped = flip(proof, i);
          rejects(
              () -> ProofVerifier.verifyInclusion(index, n, leaf, flipped, root), ROOT_MISMATCH);
        }
        if (!proof.isEmpty()) {
          rejects(
              () ->
                  ProofVerifier.verifyInclusion(
                      index, n, leaf, proof.subList(1, proof.size()), root),
              WRONG_PROOF_SIZE);
        }
        rejects(
            () -> ProofVerifier.verifyInclusion(index, n, leaf, plus(proof, root), root),
            WRONG_PROOF_SIZE);
        rejects(
            () ->
                ProofVerifier.verifyInclusion(index, n, flip(List.of(leaf), 0).get(0), proof, root),
            ROOT_MISMATCH);
        rejects(
            () ->
                ProofVerifier.verifyInclusion(index, n, leaf, proof, flip(List.of(root), 0).get(0)),
            ROOT_MISMATCH);
        for (int other : new int[] {m - 1, m + 1, m ^ 2}) {
          if (other >= 0 && other < n) {
            rejectedForAnyReason(() -> ProofVerifier.verifyInclusion(other, n, leaf, proof, root));
          }
        }
        for (int size : new int[] {2 * n, n / 2}) {
          if (size > m) {
            rejectedForAnyReason(
                () -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root));
          }
        }
      }
    }
  }

  @Test
  void tamperedConsistencyProofsAreRejected() {
    for (int n : SIZES) {
      byte[] root2 = log.root(n);
      for (int m = 1; m < n; m++) {
        byte[] root1 = log.root(m);
        List<byte[]> proof = log.consistencyProof(m, n);
        int size1 = m;
        assertThatCode(() -> ProofVerifier.verifyConsistency(size1, n, root1, root2, proof))
            .doesNotThrowAnyException();
        for (int i = 0; i < proof.size(); i++) {
          List<byte[]> flipped = flip(proof, i);
          rejects(
              () -> ProofVerifier.verifyConsistency(size1, n, root1, root2, flipped),
              ROOT_MISMATCH);
        }
        rejects(
            () ->
                ProofVerifier.verifyConsistency(
                    size1, n, root1, root2, proof.subList(0, proof.size() - 1)),
            WRONG_PROOF_SIZE);
        rejects(
            () -> ProofVerifier.verifyConsistency(size1, n, root1, root2, plus(proof, root2)),
            WRONG_PROOF_SIZE);
        rejects(
            () -> ProofVerifier.verifyConsistency(size1, n, root2, root1, proof), ROOT_MISMATCH);
        rejects(
            () ->
                ProofVerifier.verifyConsistency(
                    size1, n, root1, flip(List.of(root2), 0).get(0), proof),
            ROOT_MISMATCH);
        for (int[] sizes :
            new int[][] {{m - 1, n}, {m + 1, n}, {m ^ 2, n}, {m, n / 2}, {m, 2 * n}}) {
          if (sizes[0] != m || sizes[1] != n) {
            rejectedForAnyReason(
                () -> ProofVerifier.verifyConsistency(sizes[0], sizes[1], root1, root2, proof));
          }
        }
      }
    }
  }

  @Test
  void messagesNameTheDefect() {
    byte[] leaf = log.leafHash(5);
    byte[] root = log.root(8);
    List<byte[]> proof = log.inclusionProof(5, 8);
    rejects(() -> ProofVerifier.verifyInclusion(8, 8, leaf, proof, root), INDEX_BEYOND_SIZE)
        .hasMessage("leaf index 8 is beyond tree size 8");
    rejects(() -> ProofVerifier.verifyInclusion(-1, 8, leaf, proof, root), NEGATIVE_ARGUMENT)
        .hasMessage("leaf index -1 is negative");
    rejects(
            () -> ProofVerifier.verifyInclusion(5, 8, leaf, plus(proof, root), root),
            WRONG_PROOF_SIZE)
        .hasMessage("wrong proof size: got 4 hashes, want 3");
    rejects(() -> ProofVerifier.verifyInclusion(5, 8, new byte[31], proof, root), WRONG_HASH_LENGTH)
        .hasMessage("leaf hash is 31 bytes, want 32 bytes");
    rejects(
            () ->
                ProofVerifier.verifyInclusion(
                    5, 8, leaf, List.of(proof.get(0), new byte[0], proof.get(2)), root),
            WRONG_HASH_LENGTH)
        .hasMessage("proof[1] is 0 bytes, want 32 bytes");
    rejects(() -> ProofVerifier.verifyInclusion(5, 8, leaf, proof, null), WRONG_HASH_LENGTH)
        .hasMessage("root is null, want 32 bytes");
    rejects(() -> ProofVerifier.verifyInclusion(5, 8, leaf, proof, log.root(7)), ROOT_MISMATCH)
        .hasMessageStartingWith(
            "root mismatch: inclusion proof of leaf 5 yields " + MerkleHash.hex(root));
    byte[] root5 = log.root(5);
    rejects(
            () -> ProofVerifier.verifyConsistency(9, 8, root, root, List.of()),
            SIZE1_GREATER_THAN_SIZE2)
        .hasMessage("size1 9 > size2 8");
    rejects(
            () -> ProofVerifier.verifyConsistency(0, 8, MerkleHash.emptyRoot(), root, List.of()),
            EMPTY_FIRST_TREE)
        .hasMessageContaining("size1 is 0");
    rejects(
            () -> ProofVerifier.verifyConsistency(8, 8, root, root, List.of(root)),
            WRONG_PROOF_SIZE)
        .hasMessage("wrong proof size: got 1 hashes, want 0");
    rejects(() -> ProofVerifier.verifyConsistency(8, 8, root, root5, List.of()), ROOT_MISMATCH)
        .hasMessageContaining("size1 == size2 == 8 but root1");
    rejects(() -> ProofVerifier.verifyConsistency(5, 8, root5, root, List.of()), WRONG_PROOF_SIZE)
        .hasMessage("wrong proof size: got 0 hashes, want 4");
    rejects(
            () -> ProofVerifier.verifyConsistency(5, 8, root, root, log.consistencyProof(5, 8)),
            ROOT_MISMATCH)
        .hasMessageStartingWith("root1 mismatch");
    rejects(
            () -> ProofVerifier.verifyConsistency(5, 8, root5, root5, log.consistencyProof(5, 8)),
            ROOT_MISMATCH)
        .hasMessageStartingWith("root2 mismatch");
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(5, 8, leaf, null, root))
        .isInstanceOf(NullPointerException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(
      ThrowingCallable call, ProofException.Reason reason) {
    return assertThatThrownBy(call)
        .isInstanceOf(ProofException.class)
        .hasFieldOrPropertyWithValue("reason", reason);
  }

  private static void rejectedForAnyReason(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(ProofException.class);
  }

  private static List<byte[]> flip(List<byte[]> hashes, int which) {
    List<byte[]> copy = new ArrayList<>(hashes);
    byte[] changed = copy.get(which).clone();
    changed[changed.length / 2] ^= 0x01;
    copy.set(which, changed);
    return copy;
  }

  private static List<byte[]> plus(List<byte[]> proof, byte[] extra) {
    List<byte[]> longer = new ArrayList<>(proof);
    longer.add(extra);
    return longer;
  }
}
