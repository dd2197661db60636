package org.kpledger.api.problem;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The problem type URIs (RFC 9457 §3.1.1) of this ledger: one per rule code. */
public final class ProblemTypes {
  private ProblemTypes() {}

  /** The type URI of a rule code, e.g. {@code urn:kp-ledger:problem:zone-not-compliant}. */
  public static String uri(String rule) {
    return "urn:kp-ledger:problem:" + rule.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A short title for a problem on a query, or on any path that is not the write path: the words of
   * {@link #title(HttpStatus)} speak of commands.
   */
  public static String queryTitle(HttpStatus status, String rule) {
    return switch (rule) {
      case "NO_SUCH_ENDPOINT" -> "No such endpoint";
      case "METHOD_NOT_ALLOWED" -> "Method not allowed";
      case "INTERNAL_ERROR" -> "Internal error";
      case "DATABASE_UNAVAILABLE" -> "Database unavailable";
      default ->
          switch (status) {
            case UNAUTHORIZED -> "Request not authenticated";
            case FORBIDDEN -> "Not visible to this reader";
            case NOT_FOUND -> "Not in the ledger";
            case BAD_REQUEST -> "Bad query parameter";
            default -> status.getReasonPhrase();
          };
    };
  }

  /**
   * The rule of a refusal that the HTTP layer makes before the ledger sees the request (a path no
   * endpoint serves, a method or media type it does not take), from its status alone.
   */
  public static String ruleOf(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "MALFORMED_REQUEST";
      case NOT_FOUND -> "NO_SUCH_ENDPOINT";
      case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
      case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
      case PAYLOAD_TOO_LARGE -> "BODY_TOO_LARGE";
      case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
      default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "HTTP_" + status.value();
    };
  }

  /** A short title for a status. */
  public static String title(HttpStatus status) {
    return switch (status) {
      case UNPROCESSABLE_ENTITY -> "Refused by a custody rule";
      case UNAUTHORIZED -> "Envelope not authenticated";
      case FORBIDDEN -> "Role not allowed";
      case CONFLICT -> "Conflict";
      case BAD_REQUEST -> "Malformed command";
      case INTERNAL_SERVER_ERROR -> "Internal error";
      default -> status.getReasonPhrase();
    };
  }
}
