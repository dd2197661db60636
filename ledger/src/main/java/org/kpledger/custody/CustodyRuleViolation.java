package org.kpledger.custody;

/**
 * A validly signed command that breaks a custody rule. Nothing is written to the custody history;
 * the attempt itself is kept in the record of refused attempts.
 */
public class CustodyRuleViolation extends RuntimeException {
  private final String reasonCode;

  /**
   * @param reasonCode stable, upper-snake-case code naming the rule (e.g. {@code
   *     ZONE_NOT_COMPLIANT})
   * @param message what a Monitoring Team member needs to understand the refusal
   */
  public CustodyRuleViolation(String reasonCode, String message) {
    super(message);
    this.reasonCode = reasonCode;
  }

  /** The stable code of the rule that refused the command. */
  public String reasonCode() {
    return reasonCode;
  }

  /** Throws a violation with the given code and message when {@code condition} is false. */
  public static void require(boolean condition, String reasonCode, String message) {
    if (!condition) {
      throw new CustodyRuleViolation(reasonCode, message);
    }
  }
}
