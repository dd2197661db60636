package org.kpledger.cli;

import java.io.IOException;

/** The ledger node did not answer at the URL given: not running, another port, a wrong host. */
final class NodeUnreachableException extends IOException {
  NodeUnreachableException(String url, IOException cause) {
    super(
        "no ledger node answers at "
            + url
            + " ("
            + describe(cause)
            + "); start one (bin/kp serve) or give its address with --url or KP_URL",
        cause);
  }

  private static String describe(IOException cause) {
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return "timed out";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
