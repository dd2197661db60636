package org.kpledger.api.reevaluation;

import java.time.Instant;
import java.time.LocalDate;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.shipment.Reevaluation;

/**
 * An origin's export-gate verdict that changed after the fact.
 *
 * @param kind SHIPMENT (an origin of a shipment, judged as known at its last gate step), PURCHASE
 *     or DECLARATION (a lot or stockpile item judged as known when it was recorded)
 * @param shipmentId the shipment (null for PURCHASE and DECLARATION)
 * @param exporter the shipment's exporter (null for PURCHASE and DECLARATION)
 * @param lotId the lot or stockpile item
 * @param zoneId its zone
 * @param acquiredOn its day of purchase or acquisition (Bangui)
 * @param buyerParty who bought or declared it
 * @param knownThen the command relied on and when the ledger recorded it
 * @param exportableAsKnownThen whether every origin check passed as known then
 * @param exportableAsKnownNow whether every origin check passes as known now
 * @param raisedAt when the latest decision that changed it was recorded
 * @param reevaluation the checks then and now, the rules that changed, and the decisions recorded
 *     after the fact that changed them
 */
record ReevaluatedVerdict(
    String kind,
    String shipmentId,
    String exporter,
    String lotId,
    String zoneId,
    LocalDate acquiredOn,
    String buyerParty,
    GateStep knownThen,
    boolean exportableAsKnownThen,
    boolean exportableAsKnownNow,
    Instant raisedAt,
    Reevaluation reevaluation) {}
