package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.api.registry.LicenceVerdict;
import org.kpledger.api.registry.ZoneVerdict;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;

/**
 * An origin of a trace (a purchase slip or a declared stockpile item) with what was in force on its
 * day: the zone's status from the zone's dated decisions as they stand now, the status the slip
 * recorded when it was entered, the miner's patente and the buyer's licence, and the export gate's
 * origin checks.
 *
 * <p>This is the trace's JSON answer for one origin: a {@link LineageRows.Origin} (itself the
 * ledger's {@link org.kpledger.parcel.Origin} with what the slip recorded) as one reader may see
 * it, flattened with its verdicts, built only by {@link OriginAssessor}. It stays flat, member for
 * member, because clients read it so; it adds no fact about where the stones came from.
 *
 * @param priceUsd the slip's price, null when the reader may not see it
 * @param lateEntry whether the ledger recorded it more than {@link
 *     org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} Bangui days after it happened, as decided
 *     when it was recorded
 * @param exportable whether every gate check on this origin passed
 * @param asKnownThen the same checks with only what the ledger had recorded when the command that
 *     relied on them ran (the shipment's last gate step, or else the purchase or declaration)
 * @param asKnownNow the checks with everything recorded now ({@code checks} again, with the
 *     instant)
 * @param reevaluation when the two differ: which rules changed and the zone decisions or licence
 *     changes, recorded after the fact, that changed them; null otherwise
 */
public record TracedOrigin(
    String lotId,
    String kind,
    String slipNumber,
    String minerId,
    String patenteNumber,
    String siteId,
    String zoneId,
    LocalDate acquiredOn,
    Instant occurredAt,
    Instant recordedAt,
    boolean lateEntry,
    BigDecimal carats,
    Integer stoneCount,
    BigDecimal priceUsd,
    String buyerParty,
    String buyerLicence,
    ZoneVerdict zoneOnPurchaseDay,
    Boolean zoneCompliantWhenRecorded,
    LicenceVerdict patenteOnPurchaseDay,
    LicenceVerdict buyerLicenceOnPurchaseDay,
    String stockpileId,
    String quarantineReason,
    String auditClearance,
    List<GateCheck> checks,
    boolean exportable,
    Verdict asKnownThen,
    Verdict asKnownNow,
    Reevaluation reevaluation) {

  /**
   * The export gate's checks of an origin as known at one instant.
   *
   * @param knownAt the instant: what was recorded at or before it counts (null: everything recorded
   *     so far)
   * @param knownBy the command recorded at that instant (PROPOSED, APPROVED, CERTIFIED, EXPORTED,
   *     PURCHASED, DECLARED), or NOW
   * @param exportable whether every check passed
   * @param checks the checks
   */
  record Verdict(Instant knownAt, String knownBy, boolean exportable, List<GateCheck> checks) {

    /** The verdict of these checks. */
    public static Verdict of(Instant knownAt, String knownBy, List<GateCheck> checks) {
      return new Verdict(knownAt, knownBy, checks.stream().allMatch(GateCheck::passed), checks);
    }
  }
}
