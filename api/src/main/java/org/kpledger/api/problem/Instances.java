package org.kpledger.api.problem;

import java.net.URI;

/** The {@code instance} of a problem (RFC 9457 §3.1.5): the path the client asked for. */
public final class Instances {
  private Instances() {}

  /**
   * The request path as a URI reference, or {@code /} when the path as sent is not a valid one (the
   * problem is then the path itself).
   */
  public static String of(String requestUri) {
    if (requestUri == null || requestUri.isEmpty()) {
      return "/";
    }
    try {
      return URI.create(requestUri).toString();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }
}
