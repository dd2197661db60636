package org.kpledger.api.lineage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.certificate.CertificateRecord;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.refusal.RefusedAttemptQueries;
import org.kpledger.api.refusal.RefusedProposal;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Traces back to the mines and forward to the exports. */
@RestController
@Tag(name = "trace")
class TraceController {
  /** A trace's lineage page when none is asked for: origins and items, 100 of each. */
  static final int TRACE_PAGE_SIZE = 100;

  private final TraceBackQuery back;
  private final TraceForwardQuery forward;
  private final LineageGraph graph;
  private final ShipmentQueries shipments;
  private final CertificateQueries certificates;
  private final RegistryQueries registry;
  private final RefusedAttemptQueries refusals;
  private final ReadPolicy policy;
  private final Clock clock;

  TraceController(
      TraceBackQuery back,
      TraceForwardQuery forward,
      LineageGraph graph,
      ShipmentQueries shipments,
      CertificateQueries certificates,
      RegistryQueries registry,
      RefusedAttemptQueries refusals,
      ReadPolicy policy,
      Clock clock) {
    this.refusals = refusals;
    this.clock = clock;
    this.back = back;
    this.forward = forward;
    this.graph = graph;
    this.shipments = shipments;
    this.certificates = certificates;
    this.registry = registry;
    this.policy = policy;
  }

  @GetMapping("/api/trace/back/shipments/{shipmentId}")
  @Operation(
      summary =
          "Trace a shipment back to its lots, slips, miners, sites and zones: the summary and "
              + "failing origins whole, origins and items one page at a time; a shipment id that"
              + " exists only as refused proposals answers with them (refusedProposals) and the"
              + " trace of the parcels they named. Each origin shows its verdict asKnownThen (at"
              + " the shipment's last gate step, knownThen) and asKnownNow, and a reevaluation"
              + " naming the decisions recorded later when they differ (reevaluatedOrigins)")
  TraceBack fromShipment(
      Actor reader,
      @PathVariable String shipmentId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size, TRACE_PAGE_SIZE);
    if (shipments.find(shipmentId).isEmpty()) {
      List<RefusedProposal> refused = refusedProposals(reader, shipmentId);
      if (!refused.isEmpty()) {
        List<String> parcels =
            refused.stream().flatMap(p -> p.parcelIds().stream()).distinct().toList();
        List<String> traceable =
            graph.items(parcels).keySet().stream()
                .filter(id -> policy.mayFollow(reader, id))
                .sorted()
                .toList();
        return back.trace("SHIPMENT", shipmentId, shipmentId, null, traceable, null, reader, r)
            .withRefusedProposals(refused);
      }
    }
    ShipmentRow s = shipment(reader, shipmentId);
    return back.trace(
        "SHIPMENT",
        shipmentId,
        shipmentId,
        s.certificateNumber(),
        s.parcelIds(),
        shipments.gateStep(shipmentId).orElse(null),
        reader,
        r);
  }

  /** The refused proposals of a shipment id that the reader may see: all, or its own. */
  private List<RefusedProposal> refusedProposals(Actor reader, String shipmentId) {
    return refusals.proposalsOf(shipmentId).stream()
        .filter(
            p ->
                policy.seesEverything(reader) || p.organisationId().equals(reader.organisationId()))
        .toList();
  }

  @GetMapping("/api/trace/back/certificates/{number}")
  @Operation(summary = "Trace a KP certificate back through its shipment to the mines")
  TraceBack fromCertificate(
      Actor reader,
      @PathVariable String number,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size, TRACE_PAGE_SIZE);
    CertificateRecord c =
        certificates
            .find(number)
            .filter(found -> policy.seesShipment(reader, found.exporter()))
            .orElseThrow(
                () ->
                    policy.seesEverything(reader)
                        ? QueryRefusedException.notFound("number", "certificate " + number)
                        : QueryRefusedException.notVisible(
                            "number", "not a certificate of " + reader.party()));
    ShipmentRow s = shipment(reader, c.shipmentId());
    return back.trace(
        "CERTIFICATE",
        number,
        s.shipmentId(),
        number,
        s.parcelIds(),
        shipments.gateStep(s.shipmentId()).orElse(null),
        reader,
        r);
  }

  @GetMapping("/api/trace/back/items/{itemId}")
  @Operation(summary = "Trace a parcel, lot or stockpile item back to its origins")
  TraceBack fromItem(
      Actor reader,
      @PathVariable String itemId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size, TRACE_PAGE_SIZE);
    policy.requireItem(reader, itemId, "itemId");
    LineageRows.Item item =
        graph
            .item(itemId)
            .orElseThrow(() -> QueryRefusedException.notFound("itemId", "item " + itemId));
    String kind =
        switch (item.kind()) {
          case "LOT" -> "LOT";
          case "STOCKPILE" -> "STOCKPILE_ITEM";
          default -> "PARCEL";
        };
    // an item in a shipment is judged as known at the shipment's last gate step, else each origin
    // as known at its own purchase or declaration
    GateStep then =
        item.shipmentId() == null ? null : shipments.gateStep(item.shipmentId()).orElse(null);
    return back.trace(kind, itemId, item.shipmentId(), null, List.of(itemId), then, reader, r);
  }

  @GetMapping("/api/trace/forward/{kind}/{id}")
  @Operation(
      summary =
          "Trace forward from a miner, site, zone, lot or collector to the parcels, "
              + "shipments and certificates its stones reached (kind: miners, sites, zones, lots, collectors)")
  TraceForward forward(
      Actor reader,
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    List<String> lots =
        switch (kind) {
          case "miners" ->
              known(registry.minerExists(id), "miner", id, graph.originsWhere("miner_id", id));
          case "sites" ->
              known(registry.siteExists(id), "site", id, graph.originsWhere("site_id", id));
          case "zones" ->
              known(registry.zoneExists(id), "zone", id, graph.originsWhere("zone_id", id));
          case "lots" -> lot(reader, id);
          case "collectors" -> collector(reader, id);
          default ->
              throw QueryRefusedException.badParameter(
                  "INVALID_PARAMETER",
                  "kind",
                  "kind must be one of miners, sites, zones, lots, collectors");
        };
    return forward.trace(
        kind.substring(0, kind.length() - 1).toUpperCase(java.util.Locale.ROOT),
        id,
        lots,
        from,
        to,
        reader,
        r);
  }

  private List<String> lot(Actor reader, String id) {
    policy.requireItem(reader, id, "id");
    if (graph.origins(List.of(id)).isEmpty()) {
      throw QueryRefusedException.notFound("id", "lot or stockpile item " + id);
    }
    return List.of(id);
  }

  private List<String> collector(Actor reader, String id) {
    if (!policy.seesEverything(reader) && !id.equals(reader.party())) {
      throw QueryRefusedException.notVisible(
          "id", reader.party() + " may trace only its own purchases");
    }
    List<String> lots = graph.originsWhere("buyer_party", id);
    LocalDate today = LedgerCalendar.dateOf(clock.instant());
    boolean known = !lots.isEmpty() || !registry.licencesOfHolderOn(id, today).isEmpty();
    return known(known, "collector", id, lots);
  }

  private static List<String> known(boolean exists, String what, String id, List<String> lots) {
    if (!exists) {
      throw QueryRefusedException.notFound("id", what + " " + id);
    }
    return lots;
  }

  private ShipmentRow shipment(Actor reader, String shipmentId) {
    ShipmentRow s = shipments.find(shipmentId).orElse(null);
    if (s == null || !policy.seesShipment(reader, s.exporter())) {
      throw policy.seesEverything(reader)
          ? QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId)
          : QueryRefusedException.notVisible("shipmentId", "not a shipment of " + reader.party());
    }
    return s;
  }
}
