package org.kpledger.anchoring;

/**
 * A sink could not take or report a tree head for now (disk, database or network trouble). The head
 * waits and is offered again, with a proof from the sink's last head, at the next round.
 */
public final class AnchorUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, for an operator
   * @param cause the underlying failure
   */
  public AnchorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
