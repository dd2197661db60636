package org.kpledger.licence;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A licence's validity and dated status changes, and the one rule that reads its standing on a day
 * (kp-facts rule 1, licence at event time): before its validity it is not yet valid, after it
 * expired; inside it the change with the latest effective date not after the day is in force (of
 * two on the same day, the one recorded later), ACTIVE before any change. The {@link Licence}
 * aggregate (and so the export gate and {@link LicenceStanding}) and every read-side query that
 * asks for a licence's standing go through {@link #standingOn}; nothing else decides it.
 *
 * @param validFrom the first day of validity
 * @param validUntil the last day of validity
 * @param changes the status changes in the order they were recorded
 */
public record LicenceHistory(LocalDate validFrom, LocalDate validUntil, List<Change> changes) {

  /** A licence's standing on one day. */
  public enum Standing {
    /** Inside its validity and active: in force. */
    ACTIVE,
    /** Inside its validity but suspended. */
    SUSPENDED,
    /** Inside its validity but revoked. */
    REVOKED,
    /** Before its validity begins. */
    NOT_YET_VALID,
    /** After its validity ended. */
    EXPIRED;

    /** Whether the licence was in force. */
    public boolean inForce() {
      return this == ACTIVE;
    }
  }

  /**
   * A status change.
   *
   * @param effectiveFrom the first day it governs
   * @param status the status from that day on
   */
  public record Change(LocalDate effectiveFrom, LicenceStatus status) {}

  /** Keeps the changes in recorded order, sorted by effective date (stable for ties). */
  public LicenceHistory {
    changes = changes.stream().sorted(Comparator.comparing(Change::effectiveFrom)).toList();
  }

  /** The status the changes give on {@code day}, validity aside (ACTIVE before any change). */
  public LicenceStatus statusOn(LocalDate day) {
    LicenceStatus status = LicenceStatus.ACTIVE;
    for (Change c : changes) {
      if (c.effectiveFrom().isAfter(day)) {
        break;
      }
      status = c.status();
    }
    return status;
  }

  /** The licence's standing on {@code day}. */
  public Standing standingOn(LocalDate day) {
    if (day.isBefore(validFrom)) {
      return Standing.NOT_YET_VALID;
    }
    if (day.isAfter(validUntil)) {
      return Standing.EXPIRED;
    }
    return Standing.valueOf(statusOn(day).name());
  }

  /** Whether the licence was in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return standingOn(day).inForce();
  }
}
