package org.kpledger.api.zone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A zone's compliance decisions over time and the purchases bought there under each.
 *
 * @param inForce the zone's status on {@code inForce.asOf}
 * @param decisions every decision in effective-date order, each with the purchases bought while it
 *     was in force
 * @param purchasesOf whose purchases are counted: null for every buyer (Monitoring Team, KP
 *     authority, auditors), else the reading trader's own; no counts at all for other readers
 * @param purchases the purchases split by the status in force on their purchase day, as the
 *     decisions stand now; null when the reader may not count purchases
 */
record ZoneHistory(
    String zoneId,
    String name,
    String prefecture,
    ZoneSummary inForce,
    List<Decision> decisions,
    String purchasesOf,
    Purchases purchases) {

  /**
   * One Monitoring Team decision.
   *
   * @param until the next decision's effective date (exclusive), or null if still in force
   * @param signedBy the actor who signed the decision (certificate CN)
   * @param recordedAt the ledger's record time
   * @param retroactive whether it was recorded on a day after it took effect, so purchases made
   *     before it was recorded are judged by it
   * @param purchases bought on days it governs (null when the reader may not count purchases)
   */
  record Decision(
      String status,
      LocalDate effectiveFrom,
      LocalDate until,
      String decisionRef,
      String signedBy,
      String signerOrganisation,
      String signerRole,
      String commandId,
      Instant recordedAt,
      boolean retroactive,
      Tally purchases) {}

  /**
   * Purchases by the zone's status on their purchase day.
   *
   * @param compliant bought on days the zone was compliant
   * @param nonCompliant bought on days it was suspended, before any decision included
   * @param beforeFirstDecision the part of {@code nonCompliant} bought before the first decision
   * @param recordedNonCompliant how many slips were recorded while the zone's history then showed
   *     it not compliant on their day; differs from {@code nonCompliant.purchases} when a decision
   *     was recorded late
   */
  record Purchases(
      Tally compliant, Tally nonCompliant, Tally beforeFirstDecision, long recordedNonCompliant) {}

  /** A count of purchase slips and their carats. */
  record Tally(long purchases, BigDecimal carats) {
    static final Tally NONE = new Tally(0, BigDecimal.ZERO.setScale(2));

    Tally plus(Tally other) {
      return new Tally(purchases + other.purchases, carats.add(other.carats));
    }
  }
}
