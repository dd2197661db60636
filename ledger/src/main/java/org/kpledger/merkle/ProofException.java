package org.kpledger.merkle;

import java.util.Objects;

/**
 * Thrown by {@link ProofVerifier} when a proof does not verify. The message names exactly what is
 * wrong (for example {@code "wrong proof size: got 4 hashes, want 3"}); {@link #reason()} gives the
 * same information in a form a program can branch on.
 */
public final class ProofException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a proof was rejected. */
  public enum Reason {
    /** A tree size or leaf index is negative. */
    NEGATIVE_ARGUMENT,
    /** The leaf index is not below the tree size. */
    INDEX_BEYOND_SIZE,
    /** The first tree size of a consistency proof exceeds the second. */
    SIZE1_GREATER_THAN_SIZE2,
    /**
     * A consistency proof from the empty tree was asked for; RFC 9162 requires {@code 0 < size1}.
     */
    EMPTY_FIRST_TREE,
    /** The number of hashes in the proof differs from the number the sizes demand. */
    WRONG_PROOF_SIZE,
    /** A leaf hash, root or proof element is not {@value MerkleHash#SIZE} bytes long. */
    WRONG_HASH_LENGTH,
    /** The root computed from the proof differs from the expected root. */
    ROOT_MISMATCH
  }

  /** The kind of defect, never {@code null}. */
  private final Reason reason;

  ProofException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  /**
   * Returns the kind of defect found.
   *
   * @return never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
