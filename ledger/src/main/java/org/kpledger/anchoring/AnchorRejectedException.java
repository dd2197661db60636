package org.kpledger.anchoring;

/**
 * A sink refused a tree head for good: it is not consistent with the sink's last head, is older, or
 * forks it. Retrying the same head cannot succeed; someone must look at why the log and the sink
 * disagree.
 */
public final class AnchorRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the sink refused, for an operator
   */
  public AnchorRejectedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message why the sink refused, for an operator
   * @param cause the failed check, such as a {@link org.kpledger.merkle.ProofException}
   */
  public AnchorRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
