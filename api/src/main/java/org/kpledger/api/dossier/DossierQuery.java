package org.kpledger.api.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.history.AggregateHistory;
import org.kpledger.api.lineage.LineageGraph;
import org.kpledger.api.lineage.LineageRows;
import org.kpledger.api.lineage.OriginAssessor;
import org.kpledger.api.lineage.ProjectedCustodyFacts;
import org.kpledger.api.lineage.TraceBack;
import org.kpledger.api.lineage.TraceBackQuery;
import org.kpledger.api.lineage.TracedLineage;
import org.kpledger.api.lineage.TracedOrigin;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.refusal.RefusedAttemptQueries;
import org.kpledger.api.refusal.RefusedProposal;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.shipment.ExportGate;
import org.kpledger.shipment.GateCheck;
import org.springframework.stereotype.Component;

/** Assembles a shipment dossier from the projections, the event store and the refused attempts. */
@Component
public class DossierQuery {
  private final TraceBackQuery traces;
  private final LineageGraph graph;
  private final CertificateQueries certificates;
  private final AggregateHistory history;
  private final RefusedAttemptSearch refused;
  private final RefusedAttemptQueries proposals;
  private final Clock clock;
  private final OriginAssessor assessor;
  private final ShipmentQueries shipments;
  private final LineageAnomalies anomalies;

  DossierQuery(
      ShipmentQueries shipments,
      TraceBackQuery traces,
      LineageGraph graph,
      OriginAssessor assessor,
      CertificateQueries certificates,
      AggregateHistory history,
      RefusedAttemptSearch refused,
      RefusedAttemptQueries proposals,
      LineageAnomalies anomalies,
      Clock clock) {
    this.anomalies = anomalies;
    this.shipments = shipments;
    this.traces = traces;
    this.graph = graph;
    this.assessor = assessor;
    this.certificates = certificates;
    this.history = history;
    this.refused = refused;
    this.proposals = proposals;
    this.clock = clock;
  }

  /** The dossier of a shipment as {@code reader} may see it (also printed as a PDF report). */
  public ShipmentDossier assemble(ShipmentRow s, Actor reader) {
    var certificate = certificates.ofShipment(s.shipmentId()).orElse(null);
    TracedLineage lineage = traces.walk(s.parcelIds());
    GateStep then = shipments.gateStep(s.shipmentId()).orElse(null);
    TraceBack.Overview trace =
        traces.overview(
            "SHIPMENT",
            s.shipmentId(),
            s.shipmentId(),
            s.certificateNumber(),
            lineage,
            then,
            reader);
    List<org.kpledger.parcel.Origin> origins =
        lineage.origins().stream().map(j -> j.origin().origin()).toList();
    // the registry rows of the lineage's origins, read once by the walk: not a query per origin
    ProjectedCustodyFacts facts = assessor.over(lineage.registry()).facts();
    List<GateCheck> gate = ExportGate.evaluate(s.shipmentId(), s.parcelIds(), origins, facts);
    // the same gate with only what was recorded when the shipment's last gate step ran
    List<GateCheck> gateThen =
        then == null
            ? gate
            : ExportGate.evaluate(
                s.shipmentId(), s.parcelIds(), origins, facts.asKnownAt(then.recordedAt()));
    List<String> aggregates = aggregates(s, lineage);
    // the shipment's and its certificate's own steps; the lineage's are paged (signedSteps)
    List<ShipmentDossier.Signature> signed =
        signatures(aggregates.subList(0, s.certificateNumber() == null ? 1 : 2));
    Instant now = clock.instant();
    return new ShipmentDossier(
        s,
        certificate,
        trace,
        bounded(gate, lineage),
        ShipmentDossier.RuleCount.of(gate),
        gate.stream().allMatch(GateCheck::passed),
        now,
        valuation(s),
        signed,
        new ShipmentDossier.SignedLineage(
            aggregates.size(), "/api/shipments/" + s.shipmentId() + "/dossier/signatures"),
        late(lineage),
        refused.touching(aggregates),
        proposals.proposalsOf(s.shipmentId()),
        GoverningRegime.of(s.shipmentId(), signed, LedgerCalendar.dateOf(now)),
        then,
        bounded(gateThen, lineage),
        ShipmentDossier.RuleCount.of(gateThen),
        gateThen.stream().allMatch(GateCheck::passed),
        trace.reevaluatedOrigins().stream().map(TracedOrigin::reevaluation).toList(),
        anomalies.of(lineage, s.certificateNumber()));
  }

  /**
   * One page of the signed steps of a shipment's lineage: the shipment, its certificate, then every
   * item its trace back walks, in that order, {@code r.size()} aggregates a page.
   */
  public Page<ShipmentDossier.SignedAggregate> signedSteps(ShipmentRow s, PageRequest r) {
    List<String> all = aggregates(s, traces.walk(s.parcelIds()));
    Page<String> ids = Page.of(all, r);
    List<ShipmentDossier.SignedAggregate> items = new ArrayList<>();
    for (String id : ids.items()) {
      items.add(new ShipmentDossier.SignedAggregate(id, signatures(List.of(id))));
    }
    return new Page<>(items, ids.page(), ids.size(), ids.total());
  }

  /** Every signed step of a shipment's lineage, in the pages' order (the dossier report's list). */
  public List<ShipmentDossier.Signature> allSignedSteps(ShipmentRow s) {
    return signatures(aggregates(s, traces.walk(s.parcelIds())));
  }

  /**
   * The checks a dossier carries whatever the lineage's size: those of subjects that are not
   * origins (the shipment's parcels), passed or not, and every failed check.
   */
  private static List<GateCheck> bounded(List<GateCheck> checks, TracedLineage lineage) {
    java.util.Set<String> origins = new java.util.HashSet<>();
    lineage.origins().forEach(o -> origins.add(o.origin().lotId()));
    return checks.stream().filter(c -> !c.passed() || !origins.contains(c.subject())).toList();
  }

  /** The shipment, its certificate when issued, then every item of its lineage. */
  private static List<String> aggregates(ShipmentRow s, TracedLineage lineage) {
    List<String> aggregates = new ArrayList<>();
    aggregates.add(s.shipmentId());
    if (s.certificateNumber() != null) {
      aggregates.add(s.certificateNumber());
    }
    aggregates.addAll(lineage.itemIds());
    return aggregates;
  }

  /**
   * The dossier of a shipment id that exists only as refused proposals: who proposed, when, the
   * rule that refused it and the parcels proposed, with the trace of those parcels as they stand
   * now.
   */
  ShipmentDossier refusedOnly(String shipmentId, List<RefusedProposal> refusals, Actor reader) {
    List<String> parcels =
        refusals.stream().flatMap(r -> r.parcelIds().stream()).distinct().toList();
    List<String> known = List.copyOf(graph.items(parcels).keySet());
    TracedLineage lineage = traces.walk(known);
    TraceBack.Overview trace =
        traces.overview("SHIPMENT", shipmentId, shipmentId, null, lineage, null, reader);
    List<String> ids = new ArrayList<>();
    ids.add(shipmentId);
    ids.addAll(parcels);
    return new ShipmentDossier(
        null,
        null,
        trace,
        List.of(),
        List.of(),
        false,
        null,
        null,
        List.of(),
        null,
        late(lineage),
        refused.touching(ids),
        refusals,
        null,
        null,
        List.of(),
        List.of(),
        false,
        trace.reevaluatedOrigins().stream().map(TracedOrigin::reevaluation).toList(),
        anomalies.of(lineage, null));
  }

  private ShipmentDossier.Valuation valuation(ShipmentRow s) {
    Map<String, LineageRows.Item> items = graph.items(s.parcelIds());
    List<ShipmentDossier.ParcelValue> parcels =
        items.values().stream()
            .map(
                i ->
                    new ShipmentDossier.ParcelValue(
                        i.itemId(),
                        i.carats(),
                        i.valueUsd(),
                        i.priceListVersion(),
                        perCarat(i.valueUsd(), i.carats())))
            .toList();
    return new ShipmentDossier.Valuation(
        parcels, s.carats(), s.valueUsd(), perCarat(s.valueUsd(), s.carats()));
  }

  private List<ShipmentDossier.Signature> signatures(List<String> aggregates) {
    List<ShipmentDossier.Signature> out = new ArrayList<>();
    for (String id : aggregates) {
      history
          .signedStepsOf(id)
          .forEach(
              e ->
                  out.add(
                      new ShipmentDossier.Signature(
                          id,
                          e.sequenceNumber(),
                          e.eventType(),
                          e.actorId(),
                          e.organisationId(),
                          e.organisationType(),
                          e.role(),
                          e.commandId(),
                          e.recordedAt(),
                          e.envelope())));
    }
    return out;
  }

  private List<ShipmentDossier.LateEntry> late(TracedLineage lineage) {
    return lineage.origins().stream()
        .map(TracedLineage.Judged::origin)
        .filter(assessor::isLate)
        .map(
            o ->
                new ShipmentDossier.LateEntry(
                    o.lotId(),
                    o.occurredAt(),
                    o.recordedAt(),
                    Duration.between(o.occurredAt(), o.recordedAt()).toHours()))
        .toList();
  }

  private static BigDecimal perCarat(BigDecimal usd, BigDecimal carats) {
    if (usd == null || carats == null || carats.signum() == 0) {
      return null;
    }
    return usd.divide(carats, 2, RoundingMode.HALF_EVEN);
  }
}
