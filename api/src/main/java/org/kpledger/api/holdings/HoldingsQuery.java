package org.kpledger.api.holdings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.lineage.LineageGraph;
import org.kpledger.api.lineage.LineageRows;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.stereotype.Component;

/** Assembles holdings as of a day from the custody periods and the origins each item carries. */
@Component
class HoldingsQuery {
  private final CustodyHistory custody;
  private final LineageGraph graph;

  HoldingsQuery(CustodyHistory custody, LineageGraph graph) {
    this.custody = custody;
    this.graph = graph;
  }

  Holdings ofHolder(String holder, LocalDate day, String zone, String period, PageRequest page) {
    return assemble(holder, null, day, custody.heldBy(holder, day), zone, period, page);
  }

  Holdings ofStockpile(
      String stockpileId, LocalDate day, String zone, String period, PageRequest page) {
    List<CustodyHistory.Period> held = custody.heldOf(graph.itemsOfStockpile(stockpileId), day);
    return assemble(null, stockpileId, day, held, zone, period, page);
  }

  private Holdings assemble(
      String holder,
      String stockpileId,
      LocalDate day,
      List<CustodyHistory.Period> held,
      String zone,
      String period,
      PageRequest page) {
    List<String> ids = held.stream().map(CustodyHistory.Period::itemId).toList();
    Map<String, LineageRows.Item> items = graph.items(ids);
    Map<String, List<String>> carried = graph.originIdsOf(ids);
    Map<String, LineageRows.Origin> origins =
        graph.origins(carried.values().stream().flatMap(List::stream).distinct().toList());
    List<HeldItem> all = new ArrayList<>();
    for (CustodyHistory.Period p : held) {
      HeldItem h =
          item(p, items.get(p.itemId()), carried.getOrDefault(p.itemId(), List.of()), origins);
      if ((zone == null || h.zones().contains(zone))
          && (period == null || period.equals(h.period()))) {
        all.add(h);
      }
    }
    Map<String, BigDecimal> byPeriod = new TreeMap<>();
    Map<String, BigDecimal> byZone = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (HeldItem h : all) {
      total = total.add(h.carats());
      byPeriod.merge(h.period(), h.carats(), BigDecimal::add);
      String z =
          h.zones().size() == 1 ? h.zones().get(0) : h.zones().isEmpty() ? "UNDOCUMENTED" : "MIXED";
      byZone.merge(z, h.carats(), BigDecimal::add);
    }
    return new Holdings(
        holder, stockpileId, day, all.size(), total, byPeriod, byZone, Page.of(all, page));
  }

  private static HeldItem item(
      CustodyHistory.Period p,
      LineageRows.Item item,
      List<String> lotIds,
      Map<String, LineageRows.Origin> origins) {
    List<HeldItem.OriginRef> refs = new ArrayList<>();
    boolean pre = false;
    boolean post = false;
    boolean undocumented = false;
    for (String lot : lotIds) {
      LineageRows.Origin o = origins.get(lot);
      if (o == null) {
        continue;
      }
      refs.add(new HeldItem.OriginRef(o.lotId(), o.zoneId(), o.acquiredOn()));
      if (o.acquiredOn() == null) {
        undocumented = true;
      } else if (o.acquiredOn().isBefore(LedgerCalendar.SUSPENSION_DATE)) {
        pre = true;
      } else {
        post = true;
      }
    }
    String period =
        undocumented
            ? "UNDOCUMENTED"
            : pre && post ? "MIXED" : pre ? "PRE_SUSPENSION" : "POST_SUSPENSION";
    List<String> zones =
        refs.stream()
            .map(HeldItem.OriginRef::zoneId)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .sorted()
            .toList();
    return new HeldItem(
        p.itemId(),
        item == null ? null : item.kind(),
        p.holder(),
        p.carats(),
        p.fromDate(),
        p.acquiredBy(),
        zones,
        refs,
        period,
        item == null ? null : item.stockpileId());
  }
}
