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
    List<TracedOrigin> origins =
        graph.origins(lotIds).values().stream().map(o -> assessor.assess(o, reader)).toList();
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
        traced(items),
        edges,
        origins,
        byZone,
        origins.stream().allMatch(TracedOrigin::exportable));
  }

  private List<TraceBack.TracedItem> traced(Map<String, LineageRows.Item> items) {
    Map<String, List<TraceBack.Custody>> periods = new TreeMap<>();
    for (CustodyHistory.Period p : custody.periods(items.keySet())) {
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
