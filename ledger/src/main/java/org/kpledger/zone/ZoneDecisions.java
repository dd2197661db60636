package org.kpledger.zone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A zone's dated compliance decisions and the one rule that reads them (kp-facts rule 2): on a day,
 * the decision with the latest effective date not after it is in force; before the first decision
 * the zone is SUSPENDED. The {@link Zone} aggregate (and so the export gate) and every read-side
 * query that asks for a zone's status on a day go through {@link #on}; nothing else decides it.
 *
 * <p>Knowledge in two times: a decision says from which day it governs ({@code effectiveFrom}) and
 * the ledger knows when it was recorded ({@code recordedAt}). {@link #asKnownAt} keeps only what
 * was recorded by an instant, so "status on day D as known at instant T" is {@code
 * asKnownAt(T).on(D)}; {@link #revisedAfter} names the decision that changed a day's status after
 * an instant (a decision recorded late with an effective date in the past).
 */
public final class ZoneDecisions {
  /** The status of a zone before any decision, as the export gate reads it. */
  public static final String BEFORE_ANY_DECISION = ZoneStatus.SUSPENDED.name();

  /**
   * One decision.
   *
   * @param effectiveFrom the first day it governs (Bangui calendar)
   * @param status COMPLIANT or SUSPENDED (a {@link ZoneStatus} name, as the projections keep it)
   * @param decisionRef the decision's reference
   * @param recordedAt when the ledger recorded it (its command's record time), or null when the
   *     caller does not know: such a decision counts as known at every instant
   */
  public record Decision(
      LocalDate effectiveFrom, String status, String decisionRef, Instant recordedAt) {
    /** A decision whose record time does not matter to the caller (known at every instant). */
    public Decision(LocalDate effectiveFrom, String status, String decisionRef) {
      this(effectiveFrom, status, decisionRef, null);
    }

    /** The decision an event recorded at {@code recordedAt}. */
    public static Decision of(ZoneDecisionRecordedEvent e, Instant recordedAt) {
      return new Decision(e.effectiveFrom(), e.status().name(), e.decisionRef(), recordedAt);
    }

    /** Whether the ledger had recorded it by {@code instant} (at or before it). */
    public boolean knownAt(Instant instant) {
      return recordedAt == null || !recordedAt.isAfter(instant);
    }
  }

  /**
   * A run of days with one status.
   *
   * @param from the first day, or null for every day before the first decision
   * @param until the first day after the run (the next decision's effective date), or null if the
   *     run continues today
   * @param status COMPLIANT or SUSPENDED
   * @param decision the decision in force, or null before the first decision
   */
  public record Period(LocalDate from, LocalDate until, String status, Decision decision) {
    /** Whether exports of stones bought in this period are allowed. */
    public boolean compliant() {
      return ZoneStatus.COMPLIANT.name().equals(status);
    }

    /** Whether {@code day} lies in the period. */
    public boolean contains(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
    }
  }

  private final List<Decision> decisions;
  private final List<Period> periods;

  private ZoneDecisions(List<Decision> decisions, List<Period> periods) {
    this.decisions = decisions;
    this.periods = periods;
  }

  /** The decisions of one zone, in any order (the ledger refuses two on the same day). */
  public static ZoneDecisions of(List<Decision> decisions) {
    List<Decision> sorted =
        decisions.stream().sorted(Comparator.comparing(Decision::effectiveFrom)).toList();
    List<Period> periods = new ArrayList<>();
    LocalDate first = sorted.isEmpty() ? null : sorted.get(0).effectiveFrom();
    periods.add(new Period(null, first, BEFORE_ANY_DECISION, null));
    for (int i = 0; i < sorted.size(); i++) {
      Decision d = sorted.get(i);
      LocalDate until = i + 1 < sorted.size() ? sorted.get(i + 1).effectiveFrom() : null;
      periods.add(new Period(d.effectiveFrom(), until, d.status(), d));
    }
    return new ZoneDecisions(sorted, List.copyOf(periods));
  }

  /**
   * The decisions as the ledger knew them at {@code instant}: only those recorded at or before it.
   * The export gate at a command reads a zone this way at the command's record time, and so does
   * the read side when it shows a verdict "as known then".
   */
  public ZoneDecisions asKnownAt(Instant instant) {
    if (!anyRecordedAfter(instant)) {
      return this;
    }
    return of(decisions.stream().filter(d -> d.knownAt(instant)).toList());
  }

  /** Whether a decision was recorded after {@code instant} (never, for a null instant: now). */
  public boolean anyRecordedAfter(Instant instant) {
    return instant != null && !decisions.stream().allMatch(d -> d.knownAt(instant));
  }

  /**
   * The decision recorded after {@code instant} that changed whether the zone was compliant on
   * {@code day}, if one did: the status on that day as known at the instant differs from the status
   * as known now. It is always the decision in force on the day now, since a decision already known
   * at the instant governs the day alike in both.
   */
  public Optional<Decision> revisedAfter(LocalDate day, Instant instant) {
    Period now = on(day);
    Period then = asKnownAt(instant).on(day);
    return now.compliant() == then.compliant() ? Optional.empty() : Optional.of(now.decision());
  }

  /** The period, and so the status and decision, in force on {@code day}. */
  public Period on(LocalDate day) {
    return periods.stream()
        .filter(p -> p.contains(day))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("periods do not cover " + day));
  }

  /**
   * Every period in date order: first the one before any decision, then one per decision. The
   * periods do not overlap and cover every day.
   */
  public List<Period> periods() {
    return periods;
  }
}
