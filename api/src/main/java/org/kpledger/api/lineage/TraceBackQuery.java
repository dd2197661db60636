package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kpledger.api.holdings.CustodyHistory;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.Actor;
import org.springframework.stereotype.Component;

/** Walks the lineage graph backwards from some items to every origin they carry. */
@Component
public class TraceBackQuery {
  private final LineageGraph graph;
  private final CustodyHistory custody;
  private final RegistryQueries registry;
  private final OriginAssessor assessor;

  TraceBackQuery(
      LineageGraph graph,
      CustodyHistory custody,
      RegistryQueries registry,
      OriginAssessor assessor) {
    this.graph = graph;
    this.custody = custody;
    this.registry = registry;
    this.assessor = assessor;
  }

  /** The trace back from {@code start} (items that exist), as {@code reader} may see it. */
  public TraceBack trace(
      String kind,
      String id,
      String shipmentId,
      String certificate,
      List<String> start,
      Actor reader) {
    Set<String> visited = new LinkedHashSet<>(start);
    List<LineageRows.Edge> edges = new ArrayList<>();
    Collection<String> frontier = start;
    while (!frontier.isEmpty()) {
      List<LineageRows.Edge> in = graph.edgesInto(frontier);
      edges.addAll(in);
      List<String> next = new ArrayList<>();
      for (LineageRows.Edge e : in) {
        if (visited.add(e.fromItem())) {
          next.add(e.fromItem());
        }
      }
      frontier = next;
    }
    Map<String, LineageRows.Item> items = graph.items(visited);
    List<String> lotIds =
        graph.originIdsOf(start).values().stream()
            .flatMap(List::stream)
            .distinct()
            .sorted()
            .toList();
    Collection<LineageRows.Origin> rows = graph.origins(lotIds).values();
    List<CustodyHistory.Period> periods = custody.periods(items.keySet());
    // one trace judges every origin against the same few zones and licences: read them once
    RegistryQueries preloaded =
        registry.preload(
            rows.stream().map(LineageRows.Origin::zoneId).toList(),
            rows.stream()
                .flatMap(o -> java.util.stream.Stream.of(o.patenteNumber(), o.buyerLicence()))
                .toList(),
            periods.stream().map(CustodyHistory.Period::holder).toList());
    OriginAssessor judge = assessor.over(preloaded);
    List<TracedOrigin> origins = rows.stream().map(o -> judge.assess(o, reader)).toList();
    Map<String, BigDecimal> byZone = new TreeMap<>();
    origins.forEach(
        o ->
            byZone.merge(
                o.zoneId() == null ? "UNDOCUMENTED" : o.zoneId(), o.carats(), BigDecimal::add));
    return new TraceBack(
        kind,
        id,
        shipmentId,
        certificate,
        start,
        traced(items, periods, preloaded),
        edges,
        origins,
        byZone,
        origins.stream().allMatch(TracedOrigin::exportable));
  }

  private List<TraceBack.TracedItem> traced(
      Map<String, LineageRows.Item> items,
      List<CustodyHistory.Period> custodyPeriods,
      RegistryQueries registry) {
    Map<String, List<TraceBack.Custody>> periods = new TreeMap<>();
    for (CustodyHistory.Period p : custodyPeriods) {
      periods
          .computeIfAbsent(p.itemId(), k -> new ArrayList<>())
          .add(
              new TraceBack.Custody(
                  p.holder(),
                  p.acquiredBy(),
                  p.from(),
                  p.until(),
                  p.endedBy(),
                  registry.licencesOfHolderOn(p.holder(), p.fromDate())));
    }
    return items.values().stream()
        .map(
            i ->
                new TraceBack.TracedItem(
                    i.itemId(),
                    i.kind(),
                    i.carats(),
                    i.state(),
                    i.holder(),
                    i.shipmentId(),
                    periods.getOrDefault(i.itemId(), List.of())))
        .toList();
  }
}
