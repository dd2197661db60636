package org.kpledger.custody;

/**
 * A validly signed command that breaks a custody rule. Nothing is written to the custody history;
 * the attempt itself is kept in the record of refused attempts.
 *
 * <p>Every violation states the payload member at fault, as a path relative to the payload ({@code
 * receiverLicence}, {@code parcelIds[2]}, {@code importer.country}), or {@link #NO_FIELD} when no
 * one member is at fault (the order of steps, the state of the item as a whole). The node answers
 * it as {@code payload.<field>}, or {@code payload} for none.
 */
public class CustodyRuleViolation extends RuntimeException {
  /** Said where no single payload member is at fault: the command as a whole is. */
  public static final String NO_FIELD = "";

  private final String reasonCode;
  private final String field;

  /**
   * @param reasonCode stable, upper-snake-case code naming the rule (e.g. {@code
   *     ZONE_NOT_COMPLIANT})
   * @param field the payload member at fault, relative to the payload, or {@link #NO_FIELD}
   * @param message what a Monitoring Team member needs to understand the refusal
   */
  public CustodyRuleViolation(String reasonCode, String field, String message) {
    super(message);
    this.reasonCode = reasonCode;
    this.field = field == null ? NO_FIELD : field;
  }

  /** The stable code of the rule that refused the command. */
  public String reasonCode() {
    return reasonCode;
  }

  /** The payload member at fault, relative to the payload, or {@link #NO_FIELD}. */
  public String field() {
    return field;
  }

  /**
   * The same refusal, blamed on {@code outer}: an orchestrating handler that sent an internal
   * command for one member of its own payload (the third parcel of a proposal) names that member,
   * which the internal command's aggregate cannot know.
   */
  public CustodyRuleViolation at(String outer) {
    CustodyRuleViolation moved = new CustodyRuleViolation(reasonCode, outer, getMessage());
    moved.setStackTrace(getStackTrace());
    return moved;
  }

  /**
   * The refusal of a command naming, at {@code field}, an item the ledger never created ({@code
   * UNKNOWN_ITEM}, as the node answers a command whose own target does not exist).
   */
  public static CustodyRuleViolation unknownItem(String id, String field) {
    return new CustodyRuleViolation("UNKNOWN_ITEM", field, "no item " + id + " exists");
  }

  /**
   * Throws a violation with the given code, field and message when {@code condition} is false.
   *
   * @param field the payload member at fault, or {@link #NO_FIELD}
   */
  public static void require(boolean condition, String reasonCode, String field, String message) {
    if (!condition) {
      throw new CustodyRuleViolation(reasonCode, field, message);
    }
  }
}
