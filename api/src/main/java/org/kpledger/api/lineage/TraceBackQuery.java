package org.kpledger.api.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kpledger.api.custody.CustodyHistory;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.custody.Actor;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;
import org.springframework.stereotype.Component;

/**
 * Walks the lineage graph backwards from some items to every origin they carry, judges every origin
 * once, and answers the summary, the failing origins and one page of the lineage.
 */
@Component
public class TraceBackQuery {
  private final LineageGraph graph;
  private final CustodyHistory custody;
  private final RegistryQueries registry;
  private final OriginAssessor assessor;
  private final TracedLineageCache judged;

  TraceBackQuery(
      LineageGraph graph,
      CustodyHistory custody,
      RegistryQueries registry,
      OriginAssessor assessor,
      TracedLineageCache judged) {
    this.judged = judged;
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
      GateStep knownThen,
      Actor reader,
      PageRequest page) {
    TracedLineage l = walk(start);
    TraceBack.Overview o = overview(kind, id, shipmentId, certificate, l, knownThen, reader);
    OriginAssessor judge = assessor.over(l.registry());
    Page<TracedLineage.Judged> origins = Page.of(l.origins(), page);
    Page<String> items = Page.of(l.itemIds(), page);
    return new TraceBack(
        kind,
        id,
        shipmentId,
        certificate,
        start,
        o.exportable(),
        o.summary(),
        o.caratsByZone(),
        o.failingOrigins(),
        new Page<>(
            origins.items().stream()
                .map(j -> judge.assess(j.origin(), j.checks(), knownThen, reader))
                .toList(),
            page.page(),
            page.size(),
            origins.total()),
        new Page<>(traced(items.items(), l), page.page(), page.size(), items.total()),
        List.of(),
        knownThen,
        o.reevaluatedOrigins());
  }

  /** The summary and failing origins of a walked lineage, as {@code reader} may see them. */
  public TraceBack.Overview overview(
      String kind,
      String id,
      String shipmentId,
      String certificate,
      TracedLineage l,
      GateStep knownThen,
      Actor reader) {
    OriginAssessor judge = assessor.over(l.registry());
    TraceSummary.Counter counter = new TraceSummary.Counter();
    List<TracedOrigin> failing = new ArrayList<>();
    List<TracedOrigin> reevaluated = new ArrayList<>();
    for (TracedLineage.Judged j : l.origins()) {
      counter.add(j.origin(), j.verdict());
      GateStep then = OriginAssessor.then(j.origin(), knownThen);
      Reevaluation.Judgement known = judge.judge(j.origin(), then);
      if (j.fails() || known.changed().isPresent()) {
        TracedOrigin shown = judge.assess(j.origin(), j.checks(), then, known, reader);
        if (j.fails()) {
          failing.add(shown);
        }
        if (known.changed().isPresent()) {
          reevaluated.add(shown);
        }
      }
    }
    return new TraceBack.Overview(
        kind,
        id,
        shipmentId,
        certificate,
        l.start(),
        l.origins().stream().allMatch(TracedLineage.Judged::exportable),
        counter.summary(l.itemIds().size()),
        counter.caratsByZone(),
        failing,
        knownThen,
        reevaluated);
  }

  /**
   * Every item and origin of the lineage of {@code start}, each origin judged: from the cache while
   * nothing it depends on has changed, else walked and judged afresh.
   */
  public TracedLineage walk(List<String> start) {
    return judged.get(start, () -> walkAndJudge(start));
  }

  /**
   * The lineage's rows (kept while no event changed them, else walked), each origin judged by the
   * export gate over registry rows read once.
   */
  private TracedLineage walkAndJudge(List<String> start) {
    TracedLineageCache.Walked walked = judged.walked(start, () -> walkRows(start));
    List<LineageRows.Origin> rows = walked.origins();
    Set<String> confiscated = graph.confiscatedItems();
    // one trace judges every origin against the same few zones and licences: read them once
    RegistryQueries preloaded =
        registry.preload(
            rows.stream().map(o -> o.origin().zoneId()).toList(),
            rows.stream()
                .flatMap(o -> Stream.of(o.origin().patenteNumber(), o.buyerLicence()))
                .toList(),
            List.of());
    OriginAssessor judge = assessor.over(preloaded);
    List<TracedLineage.Judged> judged =
        rows.stream()
            .map(
                o -> {
                  List<GateCheck> checks = judge.checks(o);
                  return new TracedLineage.Judged(
                      o, checks, OriginVerdict.of(checks, confiscated.contains(o.lotId())));
                })
            .toList();
    return new TracedLineage(start, walked.itemIds(), walked.madeFrom(), judged, preloaded);
  }

  /** The edges walked one generation at a time, the origins in one statement. */
  private TracedLineageCache.Walked walkRows(List<String> start) {
    List<LineageRows.Origin> rows = graph.originsCarriedBy(start);
    // origins (lots, stockpile items) are where stones entered: no edge ends in one
    Set<String> origins = new java.util.HashSet<>();
    rows.forEach(o -> origins.add(o.lotId()));
    // hashed while walking (thousands of ids), sorted once at the end
    Set<String> visited = new java.util.HashSet<>(start);
    visited.addAll(origins);
    Map<String, List<LineageRows.Edge>> madeFrom = new HashMap<>();
    Collection<String> frontier = start.stream().filter(i -> !origins.contains(i)).toList();
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (LineageRows.Edge e : graph.edgesInto(frontier)) {
        madeFrom.computeIfAbsent(e.toItem(), k -> new ArrayList<>()).add(e);
        if (visited.add(e.fromItem())) {
          next.add(e.fromItem());
        }
      }
      frontier = next;
    }
    return new TracedLineageCache.Walked(rows, visited.stream().sorted().toList(), madeFrom);
  }

  /** These items (one page) with their custody and the holders' licences on each first day. */
  private List<TraceBack.TracedItem> traced(List<String> ids, TracedLineage l) {
    List<CustodyHistory.Period> custodyPeriods = custody.periods(ids);
    RegistryQueries licences =
        registry.preload(
            List.of(),
            List.of(),
            custodyPeriods.stream().map(CustodyHistory.Period::holder).toList());
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
                  licences.licencesOfHolderOn(p.holder(), p.fromDate())));
    }
    return graph.items(ids).values().stream()
        .map(
            i ->
                new TraceBack.TracedItem(
                    i.itemId(),
                    i.kind(),
                    i.carats(),
                    i.state(),
                    i.holder(),
                    i.shipmentId(),
                    l.madeFrom().getOrDefault(i.itemId(), List.of()),
                    periods.getOrDefault(i.itemId(), List.of())))
        .toList();
  }
}
