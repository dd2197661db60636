package org.kpledger.custody;

import java.time.LocalDate;
import org.axonframework.messaging.MetaData;

/**
 * The day an act happened in the field (in Bangui), set against the day the ledger recorded it: the
 * first of the two clocks of the architecture. A purchase slip, a custody transfer and its
 * acceptance, a shipment proposal and an export each carry one, and every rule of the act (zone
 * status, licence standing, the export regime, the certificate's validity) judges on it, not on the
 * record day.
 *
 * <p>The rules, each decided once here when the command runs:
 *
 * <ul>
 *   <li>a field date absent from the payload is the record day (clients that send none, and every
 *       event recorded before field dates, mean "today");
 *   <li>a field date after the record day is refused ({@code FIELD_DATE_AFTER_RECORD_DAY}): nothing
 *       is recorded before it happens;
 *   <li>a field date before the previous custody step of the same goods is refused ({@code
 *       FIELD_DATE_BEFORE_PREVIOUS_STEP}): goods do not move before they were bought or received;
 *   <li>an act recorded more than {@link #LATE_AFTER_DAYS} days after its field date is a <b>late
 *       entry</b>, allowed but flagged on its event for the auditor. The bound is a constant, not a
 *       node's setting, so two nodes never flag the same act differently and no flag changes after
 *       it was recorded.
 * </ul>
 *
 * @param day the field date
 * @param recordDay the Bangui day on which the ledger recorded the act
 */
public record FieldDate(LocalDate day, LocalDate recordDay) {
  /**
   * Days an act may be recorded after its field date before it is a late entry: a slip written in
   * the field on Monday and uploaded on Wednesday is on time, on Thursday it is late (the 48 hours
   * the read side used to apply, counted in Bangui days).
   */
  public static final int LATE_AFTER_DAYS = 2;

  /** The payload member that carries the field date of a transfer, proposal or export. */
  public static final String FIELD = "fieldDate";

  /**
   * The field date of a command: {@code declared}, or the record day when it is null.
   *
   * @param declared the field date the signer wrote, or null
   * @param meta the command's metadata, carrying its record time
   * @param field the payload member that carries it, named when it is refused
   * @throws CustodyRuleViolation {@code FIELD_DATE_AFTER_RECORD_DAY} when it is after the record
   *     day
   */
  public static FieldDate of(LocalDate declared, MetaData meta, String field) {
    return of(declared, LedgerMetaData.recordDay(meta), field);
  }

  /** As {@link #of(LocalDate, MetaData, String)}, with the record day given. */
  public static FieldDate of(LocalDate declared, LocalDate recordDay, String field) {
    LocalDate day = declared == null ? recordDay : declared;
    CustodyRuleViolation.require(
        !day.isAfter(recordDay),
        "FIELD_DATE_AFTER_RECORD_DAY",
        field,
        field + " " + day + " is after the day the ledger records it (" + recordDay + ", Bangui)");
    return new FieldDate(day, recordDay);
  }

  /** An act recorded on the day it happened in the field. */
  public static FieldDate on(LocalDate day) {
    return new FieldDate(day, day);
  }

  /** Whether an act of {@code day} recorded on {@code recordDay} is a late entry. */
  public static boolean isLate(LocalDate day, LocalDate recordDay) {
    return recordDay.isAfter(day.plusDays(LATE_AFTER_DAYS));
  }

  /** Whether this act is a late entry ({@link #isLate}). */
  public boolean lateEntry() {
    return isLate(day, recordDay);
  }

  /**
   * Refuses this field date if it is before {@code previous}, the day of the previous custody step
   * of the same goods (null when none is known).
   *
   * @param previousStep what that step was, for the message ("the purchase of LOT-1")
   * @param field the payload member that carries this field date
   * @return this field date
   */
  public FieldDate notBefore(LocalDate previous, String previousStep, String field) {
    CustodyRuleViolation.require(
        previous == null || !day.isBefore(previous),
        "FIELD_DATE_BEFORE_PREVIOUS_STEP",
        field,
        field + " " + day + " is before " + previousStep + " on " + previous);
    return this;
  }
}
