package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.api.shipment.ShipmentRow;
import org.kpledger.custody.Actor;
import org.kpledger.shipment.GateCheck;
import org.springframework.stereotype.Component;

/**
 * Follows origins forward: every item carrying them (origins travel unchanged through merges and
 * splits), then the shipments and certificates of those items. A trader sees only the items it held
 * and the shipments it exported.
 */
@Component
class TraceForwardQuery {
  private final LineageGraph graph;
  private final OriginAssessor assessor;
  private final ShipmentQueries shipments;
  private final CertificateQueries certificates;
  private final ReadPolicy policy;

  TraceForwardQuery(
      LineageGraph graph,
      OriginAssessor assessor,
      ShipmentQueries shipments,
      CertificateQueries certificates,
      ReadPolicy policy) {
    this.graph = graph;
    this.assessor = assessor;
    this.shipments = shipments;
    this.certificates = certificates;
    this.policy = policy;
  }

  TraceForward trace(
      String kind,
      String id,
      List<String> lotIds,
      LocalDate from,
      LocalDate to,
      Actor reader,
      PageRequest page) {
    Map<String, LineageRows.Origin> origins = new HashMap<>(graph.origins(lotIds));
    origins
        .values()
        .removeIf(
            o ->
                from != null
                        && (o.origin().acquiredOn() == null
                            || o.origin().acquiredOn().isBefore(from))
                    || to != null
                        && (o.origin().acquiredOn() == null
                            || o.origin().acquiredOn().isAfter(to)));
    List<String> reached =
        graph.itemsCarrying(origins.keySet()).stream()
            .filter(i -> policy.mayFollow(reader, i))
            .toList();
    Map<String, List<String>> carried = graph.originIdsOf(reached);
    if (!policy.seesEverything(reader)) {
      Set<String> seen = new HashSet<>();
      carried.values().forEach(seen::addAll);
      origins.keySet().retainAll(seen);
    }
    List<TraceForward.FailingOrigin> failing = new ArrayList<>();
    for (LineageRows.Origin o :
        origins.values().stream()
            .sorted(java.util.Comparator.comparing(LineageRows.Origin::lotId))
            .toList()) {
      List<GateCheck> failed = assessor.checks(o).stream().filter(c -> !c.passed()).toList();
      if (!failed.isEmpty()) {
        failing.add(
            new TraceForward.FailingOrigin(
                o.lotId(),
                o.origin().zoneId(),
                o.origin().acquiredOn(),
                assessor.zoneOn(o),
                failed));
      }
    }
    List<String> failingIds = failing.stream().map(TraceForward.FailingOrigin::lotId).toList();
    List<TraceForward.ReachedItem> items =
        graph.items(reached).values().stream()
            .map(
                i -> {
                  List<String> bad =
                      carried.getOrDefault(i.itemId(), List.of()).stream()
                          .filter(failingIds::contains)
                          .toList();
                  return new TraceForward.ReachedItem(
                      i.itemId(),
                      i.kind(),
                      i.carats(),
                      i.holder(),
                      i.state(),
                      i.shipmentId(),
                      bad,
                      bad.isEmpty());
                })
            .toList();
    List<ShipmentRow> shipped =
        shipments.ofParcels(reached).stream()
            .filter(s -> policy.seesShipment(reader, s.exporter()))
            .toList();
    List<TraceForward.CertificateRef> certs = new ArrayList<>();
    for (ShipmentRow s : shipped) {
      certificates
          .ofShipment(s.shipmentId())
          .ifPresent(
              c ->
                  certs.add(
                      new TraceForward.CertificateRef(
                          c.certificateNumber(), c.shipmentId(), c.status())));
    }
    BigDecimal carats =
        origins.values().stream()
            .map(o -> o.origin().carats())
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return new TraceForward(
        kind,
        id,
        origins.size(),
        carats,
        failing,
        Page.of(items, page),
        shipped.stream()
            .map(
                s ->
                    new TraceForward.ShipmentRef(
                        s.shipmentId(),
                        s.exporter(),
                        s.status(),
                        s.carats(),
                        s.certificateNumber()))
            .toList(),
        certs);
  }
}
