package org.kpledger.signing;

/**
 * A signed envelope is not well formed. Carries the offending member name and the rule it broke,
 * both stable enough to show to an API client.
 */
public class EnvelopeFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The {@link #field()} value used when the problem is the document as a whole. */
  public static final String DOCUMENT = "$";

  private final String field;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the envelope member name, or {@link #DOCUMENT}
   * @param rule the rule that was broken, e.g. "must be an ISO-8601 UTC instant"
   */
  public EnvelopeFormatException(String field, String rule) {
    this(field, rule, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param field the envelope member name, or {@link #DOCUMENT}
   * @param rule the rule that was broken
   * @param cause the underlying failure, may be null
   */
  public EnvelopeFormatException(String field, String rule, Throwable cause) {
    super(
        (DOCUMENT.equals(field) ? "envelope " : "envelope member '" + field + "' ") + rule, cause);
    this.field = field;
    this.rule = rule;
  }

  /**
   * The member that is wrong.
   *
   * @return a member name such as {@code issuedAt}, or {@link #DOCUMENT}
   */
  public String field() {
    return field;
  }

  /**
   * The rule the member broke.
   *
   * @return a short human-readable rule
   */
  public String rule() {
    return rule;
  }
}
