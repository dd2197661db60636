package org.kpledger.api.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.certificate.CertificateRecord;
import org.kpledger.api.lineage.TraceBack;
import org.kpledger.api.refusal.RefusedProposal;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;

/**
 * What the Monitoring Team reviews for one shipment: the trace back's summary and failing origins
 * (its full lists are paged at {@code /api/trace/back/shipments/{id}}), every export-gate verdict,
 * the valuation, who signed the shipment's and its certificate's steps (the signed steps of its
 * whole lineage are paged at {@code /api/shipments/{id}/dossier/signatures}), the late entries, and
 * the refused attempts that touched any of its items.
 *
 * @param signatures the signed steps of the shipment and of its certificate, in order, each with
 *     its envelope; empty for a shipment id that exists only as refused proposals
 * @param signedLineage how many aggregates (the shipment, its certificate and every item of its
 *     lineage) have signed steps to page through, and where; null for a shipment id that exists
 *     only as refused proposals
 * @param gate the checks of {@link org.kpledger.shipment.ExportGate} evaluated now over the
 *     projections (an exported shipment's parcels are read as they stood at export), bounded
 *     whatever the lineage's size: every check of the shipment's parcels, passed or not, and every
 *     check of an origin (lot or stockpile item) that failed; each origin's checks, passed or not,
 *     are on the trace's pages ({@code origins.items[].checks})
 * @param gateRules every rule the gate checked with how many subjects it checked, passed and failed
 *     (origins included)
 * @param gatePasses whether every check passed
 * @param refusedProposals the proposals of this shipment id that a custody rule refused, oldest
 *     first; for a shipment id that exists only as refused proposals, {@code shipment}, {@code
 *     certificate}, {@code valuation} and {@code gateEvaluatedAt} are null, {@code gate} and {@code
 *     signatures} empty, and {@code trace} covers the parcels it proposed as they stand now
 * @param exportRegime the export regime that governed the shipment's certification (for a shipment
 *     not yet certified, the one a certification today would need); null for a shipment id that
 *     exists only as refused proposals
 * @param gateKnownThen the shipment's last step that passed the export gate and when the ledger
 *     recorded it: the instant {@code gateAsKnownThen} is read at (null for a shipment id that
 *     exists only as refused proposals)
 * @param gateAsKnownThen the checks of the gate with only the zone decisions and licence changes
 *     recorded by {@code gateKnownThen}: the verdict that step relied on, which a later retroactive
 *     decision does not rewrite; bounded as {@code gate} (each origin's checks as known then are on
 *     the trace's pages, {@code origins.items[].asKnownThen})
 * @param gateRulesAsKnownThen the rule counts of {@code gateAsKnownThen}, origins included
 * @param gatePassedAsKnownThen whether every check passed as known then
 * @param reevaluations every origin whose verdict as known then differs from as known now (the
 *     {@code gate} above), naming the zone decisions or licence changes recorded after the fact
 *     that changed it; empty when nothing changed
 * @param anomalyFlags the anomaly flags ({@code /api/anomalies}, judged over the whole history up
 *     to today) on the lots of its lineage, their miners and its certificate, by kind, then
 *     subject; a flag is a question for the reviewer, never a verdict
 */
public record ShipmentDossier(
    ShipmentRow shipment,
    CertificateRecord certificate,
    TraceBack.Overview trace,
    List<GateCheck> gate,
    List<RuleCount> gateRules,
    boolean gatePasses,
    Instant gateEvaluatedAt,
    Valuation valuation,
    List<Signature> signatures,
    SignedLineage signedLineage,
    List<LateEntry> lateEntries,
    List<RefusedAttempt> refusedAttempts,
    List<RefusedProposal> refusedProposals,
    GoverningRegime exportRegime,
    GateStep gateKnownThen,
    List<GateCheck> gateAsKnownThen,
    List<RuleCount> gateRulesAsKnownThen,
    boolean gatePassedAsKnownThen,
    List<Reevaluation> reevaluations,
    List<AnomalyFlag> anomalyFlags) {

  /**
   * How one rule of the export gate judged the shipment.
   *
   * @param rule the rule's reason code
   * @param checked the subjects (parcels, lots, stockpile items) it checked
   * @param passed those that satisfy it
   * @param failed those that do not
   */
  public record RuleCount(String rule, int checked, int passed, int failed) {

    /** The count of every rule in {@code checks}, in the order the rules first appear. */
    static List<RuleCount> of(List<GateCheck> checks) {
      java.util.Map<String, int[]> byRule = new java.util.LinkedHashMap<>();
      for (GateCheck c : checks) {
        int[] n = byRule.computeIfAbsent(c.rule(), r -> new int[2]);
        n[c.passed() ? 0 : 1]++;
      }
      return byRule.entrySet().stream()
          .map(
              e ->
                  new RuleCount(
                      e.getKey(),
                      e.getValue()[0] + e.getValue()[1],
                      e.getValue()[0],
                      e.getValue()[1]))
          .toList();
    }
  }

  /** The valuation of each parcel and of the whole shipment. */
  public record Valuation(
      List<ParcelValue> parcels, BigDecimal carats, BigDecimal valueUsd, BigDecimal usdPerCarat) {}

  /** A parcel's valuation by the valuation office. */
  public record ParcelValue(
      String parcelId,
      BigDecimal carats,
      BigDecimal valueUsd,
      String priceListVersion,
      BigDecimal usdPerCarat) {}

  /**
   * Who signed one step (an event of the shipment, its certificate or an item of its lineage), with
   * the envelope exactly as signed so the reviewer can verify the signature offline.
   */
  public record Signature(
      String aggregateId,
      long sequenceNumber,
      String eventType,
      String actorId,
      String organisationId,
      String organisationType,
      String role,
      String commandId,
      Instant recordedAt,
      String envelope) {}

  /**
   * Where the signed steps of the whole lineage are read, a page of aggregates at a time.
   *
   * @param aggregates how many aggregates the pages hold: the shipment, its certificate (when
   *     issued) and every lot, stockpile item and parcel its trace back walks
   * @param path the page's path ({@code page} and {@code size} as every list)
   */
  record SignedLineage(int aggregates, String path) {}

  /**
   * The signed steps of one aggregate of a shipment's lineage, in order.
   *
   * @param aggregateId the shipment, certificate, lot, stockpile item or parcel
   * @param steps its events with their signers and envelopes
   */
  record SignedAggregate(String aggregateId, List<Signature> steps) {}

  /** An origin recorded long after it happened. */
  public record LateEntry(String lotId, Instant occurredAt, Instant recordedAt, long delayHours) {}

  /** A validly signed command that a custody rule refused and that named one of the items. */
  public record RefusedAttempt(
      long id,
      String commandId,
      String commandType,
      String actorId,
      String organisationId,
      String role,
      String reasonCode,
      String message,
      Instant refusedAt) {}
}
