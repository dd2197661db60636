package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kpledger.api.paging.Page;
import org.kpledger.api.refusal.RefusedProposal;
import org.kpledger.api.registry.LicenceVerdict;
import org.kpledger.api.shipment.GateStep;

/**
 * Everything a shipment, certificate, parcel or lot came from. What the Monitoring Team reads first
 * is whole: the {@link TraceSummary} over every origin and every origin that fails a check. The
 * lineage itself (origins with their verdicts; items with their custody, each holder's licences on
 * the day it took custody, and the merge and split edges into them) comes a page at a time, so a
 * shipment of thousands of lots answers in kilobytes and a client walks the rest with {@code page}.
 *
 * @param startKind SHIPMENT, CERTIFICATE, PARCEL (merged or split), LOT (a purchase slip's lot) or
 *     STOCKPILE_ITEM (a declared stockpile item)
 * @param startItems the items the trace starts from (a shipment's parcels)
 * @param exportable whether every origin passes the export gate's origin checks
 * @param caratsByZone origin carats (as they entered the ledger) by zone, over every origin
 * @param failingOrigins every origin with a failed check, in id order, whatever the page
 * @param origins one page of every origin, in id order
 * @param items the same page of every item of the lineage, in id order
 * @param knownThen the shipment's last step that passed the export gate, the instant every origin's
 *     {@code asKnownThen} refers to; null when each origin is judged as known at its own purchase
 *     or declaration (an item in no shipment, a shipment id that exists only as refused proposals)
 * @param reevaluatedOrigins every origin whose verdict as known then differs from as known now,
 *     with the decisions that changed it, in id order, whatever the page
 * @param refusedProposals for a shipment id that exists only as refused proposals, those proposals
 *     (who, when, the rule, the parcels), the trace then covering the parcels they named as they
 *     stand now; empty otherwise
 */
public record TraceBack(
    String startKind,
    String startId,
    String shipmentId,
    String certificateNumber,
    List<String> startItems,
    boolean exportable,
    TraceSummary summary,
    Map<String, BigDecimal> caratsByZone,
    List<TracedOrigin> failingOrigins,
    Page<TracedOrigin> origins,
    Page<TracedItem> items,
    List<RefusedProposal> refusedProposals,
    GateStep knownThen,
    List<TracedOrigin> reevaluatedOrigins) {

  /** The same trace, told that it follows refused proposals. */
  public TraceBack withRefusedProposals(List<RefusedProposal> refused) {
    return new TraceBack(
        startKind,
        startId,
        shipmentId,
        certificateNumber,
        startItems,
        exportable,
        summary,
        caratsByZone,
        failingOrigins,
        origins,
        items,
        List.copyOf(refused),
        knownThen,
        reevaluatedOrigins);
  }

  /** The trace without its pages, as the shipment dossier embeds it. */
  public record Overview(
      String startKind,
      String startId,
      String shipmentId,
      String certificateNumber,
      List<String> startItems,
      boolean exportable,
      TraceSummary summary,
      Map<String, BigDecimal> caratsByZone,
      List<TracedOrigin> failingOrigins,
      GateStep knownThen,
      List<TracedOrigin> reevaluatedOrigins) {}

  /**
   * An item of the lineage, who held it, and what it was made of.
   *
   * @param madeFrom the merge or split edges into it, with their carats (empty for a lot)
   */
  record TracedItem(
      String itemId,
      String kind,
      BigDecimal carats,
      String state,
      String holder,
      String shipmentId,
      List<LineageRows.Edge> madeFrom,
      List<Custody> custody) {}

  /** A custody period, with the holder's licences as they stood on the day it began. */
  record Custody(
      String holder,
      String acquiredBy,
      Instant from,
      Instant until,
      String endedBy,
      List<LicenceVerdict> licencesOnAcquisition) {}
}
