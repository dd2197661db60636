package org.kpledger.api.fabric.certificate;

/**
 * The channel could not be reached, or did not take a transaction for a reason that may pass
 * (endorsement, ordering, commit); the caller retries.
 */
class ChannelUnavailableException extends RuntimeException {

  /**
   * A failure and its cause.
   *
   * @param message what failed
   * @param cause the Gateway's error
   */
  public ChannelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
