package org.kpledger.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.licence.LicenceHistory;
import org.kpledger.parcel.Origin;
import org.kpledger.zone.ZoneDecisions;

/**
 * An origin's export-gate verdict that changed after the fact (issue #15, knowledge in two times):
 * judged with what the ledger had recorded at {@code knownAt} (the record time of the command that
 * relied on it: the shipment's last gate step, or the purchase) it is not what it is with
 * everything recorded since. A zone decision or a patente change recorded later with an effective
 * date in the past does this. The verdict relied on stands; this is the visible re-evaluation, with
 * the decisions that caused it.
 *
 * @param subject the lot or stockpile item judged
 * @param knownAt the instant "then" refers to
 * @param asKnownThen the gate's origin checks with what was recorded by {@code knownAt}
 * @param asKnownNow the same checks with everything recorded now
 * @param changedRules the rules whose verdict differs, in check order
 * @param causes the zone decisions and licence changes, recorded after {@code knownAt}, that
 *     changed them
 */
public record Reevaluation(
    String subject,
    Instant knownAt,
    List<GateCheck> asKnownThen,
    List<GateCheck> asKnownNow,
    List<String> changedRules,
    List<Cause> causes) {

  /**
   * A decision recorded after the fact that changed a verdict.
   *
   * @param kind ZONE_DECISION or LICENCE_CHANGE
   * @param aggregateId the zone id or the licence number
   * @param reference the zone decision's reference (null for a licence change)
   * @param status the status it set (COMPLIANT, SUSPENDED; ACTIVE, SUSPENDED, REVOKED)
   * @param effectiveFrom the first day it governs
   * @param recordedAt when the ledger recorded it
   */
  public record Cause(
      String kind,
      String aggregateId,
      String reference,
      String status,
      LocalDate effectiveFrom,
      Instant recordedAt) {}

  /** The origin checks as known then and now, and the re-evaluation if their verdicts differ. */
  public record Judgement(
      List<GateCheck> asKnownThen, List<GateCheck> asKnownNow, Optional<Reevaluation> changed) {}

  /**
   * Judges {@code o} by {@link ExportGate#originChecks} twice, with {@code facts} as known at
   * {@code knownAt} and as they stand, and names the causes from the zone's decisions and the
   * patente's history ({@link ZoneDecisions#revisedAfter}, {@link LicenceHistory#revisedAfter}).
   *
   * @param zone the origin zone's decisions with their record times, as {@code facts} holds them
   *     (null if unknown)
   * @param patente the origin patente's history with record times, as {@code facts} holds it (null
   *     if none)
   */
  public static Judgement judge(
      Origin o, Instant knownAt, CustodyFacts facts, ZoneDecisions zone, LicenceHistory patente) {
    List<GateCheck> now = ExportGate.originChecks(o, facts);
    if (knownAt == null || knownAlike(zone, patente, knownAt)) {
      return new Judgement(now, now, Optional.empty());
    }
    List<GateCheck> then = ExportGate.originChecks(o, facts.asKnownAt(knownAt));
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      if (now.get(i).passed() != then.get(i).passed()) {
        changed.add(now.get(i).rule());
      }
    }
    if (changed.isEmpty()) {
      return new Judgement(then, now, Optional.empty());
    }
    List<Cause> causes = new ArrayList<>();
    if (changed.contains("ZONE_NOT_COMPLIANT") && zone != null) {
      zone.revisedAfter(o.acquiredOn(), knownAt)
          .ifPresent(
              d ->
                  causes.add(
                      new Cause(
                          "ZONE_DECISION",
                          o.zoneId(),
                          d.decisionRef(),
                          d.status(),
                          d.effectiveFrom(),
                          d.recordedAt())));
    }
    if (changed.contains("PATENTE_NOT_VALID") && patente != null) {
      patente
          .revisedAfter(o.acquiredOn(), knownAt)
          .ifPresent(
              c ->
                  causes.add(
                      new Cause(
                          "LICENCE_CHANGE",
                          o.patenteNumber(),
                          null,
                          c.status().name(),
                          c.effectiveFrom(),
                          c.recordedAt())));
    }
    return new Judgement(
        then,
        now,
        Optional.of(
            new Reevaluation(
                o.lotId(), knownAt, then, now, List.copyOf(changed), List.copyOf(causes))));
  }

  /**
   * Whether nothing about this origin's zone and patente was recorded after {@code knownAt}: then
   * the origin's checks as known then are those as known now, without judging them again.
   */
  private static boolean knownAlike(ZoneDecisions zone, LicenceHistory patente, Instant knownAt) {
    return (zone == null || !zone.anyRecordedAfter(knownAt))
        && (patente == null || !patente.anyRecordedAfter(knownAt));
  }
}
