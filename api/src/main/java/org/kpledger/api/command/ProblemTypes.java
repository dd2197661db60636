package org.kpledger.api.command;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The problem type URIs (RFC 9457 §3.1.1) of this ledger: one per rule code. */
public final class ProblemTypes {
  private ProblemTypes() {}

  /** The type URI of a rule code, e.g. {@code urn:kp-ledger:problem:zone-not-compliant}. */
  public static String uri(String rule) {
    return "urn:kp-ledger:problem:" + rule.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A short title for a status. */
  public static String title(HttpStatus status) {
    return switch (status) {
      case UNPROCESSABLE_ENTITY -> "Refused by a custody rule";
      case UNAUTHORIZED -> "Envelope not authenticated";
      case FORBIDDEN -> "Role not allowed";
      case CONFLICT -> "Conflict";
      case BAD_REQUEST -> "Malformed command";
      default -> status.getReasonPhrase();
    };
  }
}
