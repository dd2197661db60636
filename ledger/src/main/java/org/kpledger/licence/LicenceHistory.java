package org.kpledger.licence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A licence's validity and dated status changes, and the one rule that reads its standing on a day
 * (kp-facts rule 1, licence at event time): before its validity it is not yet valid, after it
 * expired; inside it the change with the latest effective date not after the day is in force (of
 * two on the same day, the one recorded later), ACTIVE before any change. The {@link Licence}
 * aggregate (and so the export gate and {@link LicenceStanding}) and every read-side query that
 * asks for a licence's standing go through {@link #standingOn}; nothing else decides it.
 *
 * <p>Knowledge in two times: a change says from which day it governs and the ledger knows when it
 * was recorded. {@link #asKnownAt} keeps what was recorded by an instant ("standing on day D as
 * known at T" is {@code asKnownAt(T).standingOn(D)}); {@link #revisedAfter} names the change,
 * recorded after an instant, that put the licence in or out of force on a day.
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
   * @param recordedAt when the ledger recorded it (its command's record time), or null when the
   *     caller does not know: such a change counts as known at every instant
   */
  public record Change(LocalDate effectiveFrom, LicenceStatus status, Instant recordedAt) {
    /** A change whose record time does not matter to the caller (known at every instant). */
    public Change(LocalDate effectiveFrom, LicenceStatus status) {
      this(effectiveFrom, status, null);
    }

    /** Whether the ledger had recorded it by {@code instant} (at or before it). */
    public boolean knownAt(Instant instant) {
      return recordedAt == null || !recordedAt.isAfter(instant);
    }
  }

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

  /**
   * The licence as the ledger knew it at {@code instant}: its validity and only the changes
   * recorded at or before it (in their recorded order). The export gate at a command reads a
   * patente this way at the command's record time, and so does the read side for a verdict "as
   * known then".
   */
  public LicenceHistory asKnownAt(Instant instant) {
    if (!anyRecordedAfter(instant)) {
      return this;
    }
    return new LicenceHistory(
        validFrom, validUntil, changes.stream().filter(c -> c.knownAt(instant)).toList());
  }

  /** Whether a status change was recorded after {@code instant} (never, for a null instant). */
  public boolean anyRecordedAfter(Instant instant) {
    return instant != null && !changes.stream().allMatch(c -> c.knownAt(instant));
  }

  /**
   * The change recorded after {@code instant} that put the licence in or out of force on {@code
   * day}, if one did: whether it was in force that day as known at the instant differs from as
   * known now. It is the change in force on the day now (the latest effective not after it, of two
   * on one day the one recorded later), since the changes known at the instant are a part of
   * today's.
   */
  public Optional<Change> revisedAfter(LocalDate day, Instant instant) {
    if (inForceOn(day) == asKnownAt(instant).inForceOn(day)) {
      return Optional.empty();
    }
    Change inForce = null;
    for (Change c : changes) {
      if (c.effectiveFrom().isAfter(day)) {
        break;
      }
      inForce = c;
    }
    return Optional.ofNullable(inForce);
  }
}
