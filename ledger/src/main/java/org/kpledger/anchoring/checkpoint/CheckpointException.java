package org.kpledger.anchoring.checkpoint;

import java.util.Objects;

/**
 * A checkpoint (C2SP signed note) was refused. The message says what is wrong; {@link #reason()}
 * says it in a form a program can branch on.
 */
public final class CheckpointException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a checkpoint was refused. */
  public enum Reason {
    /**
     * Not a signed note: bad characters, no blank line before the signatures, bad signature lines.
     */
    MALFORMED_NOTE,
    /** The note text is not a tlog-checkpoint: origin, decimal size, base64 32-byte root. */
    MALFORMED_CHECKPOINT,
    /** The origin line is not the name of the key the verifier trusts. */
    ORIGIN_MISMATCH,
    /** No signature line carries the trusted key's name and key ID. */
    NO_KNOWN_SIGNATURE,
    /** A signature from the trusted key does not verify (or is not low-S strict DER). */
    BAD_SIGNATURE
  }

  /** Why the checkpoint was refused, never {@code null}. */
  private final Reason reason;

  CheckpointException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  /**
   * Returns why the checkpoint was refused.
   *
   * @return never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
