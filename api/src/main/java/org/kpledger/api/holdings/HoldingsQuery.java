package org.kpledger.api.holdings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.custody.CustodyHistory;
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

  /**
   * Filters and totals over every held item from each item's origin mix (grouped in SQL), then
   * reads origins only for the items of the page asked for.
   */
  private Holdings assemble(
      String holder,
      String stockpileId,
      LocalDate day,
      List<CustodyHistory.Period> held,
      String zone,
      String period,
      PageRequest page) {
    Map<String, LineageRows.OriginMix> mixes = new java.util.HashMap<>();
    graph
        .datedOriginsOf(held.stream().map(CustodyHistory.Period::itemId).toList())
        .forEach(
            (item, origins) ->
                mixes.put(item, mix(item, origins, zone, LedgerCalendar.SUSPENSION_DATE)));
    List<CustodyHistory.Period> matched = new ArrayList<>();
    Map<String, BigDecimal> byPeriod = new TreeMap<>();
    Map<String, BigDecimal> byZone = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (CustodyHistory.Period p : held) {
      LineageRows.OriginMix m = mixes.get(p.itemId());
      String itemPeriod = period(m);
      if ((zone == null || (m != null && m.carriesZone()))
          && (period == null || period.equals(itemPeriod))) {
        matched.add(p);
        total = total.add(p.carats());
        byPeriod.merge(itemPeriod, p.carats(), BigDecimal::add);
        byZone.merge(zoneKey(m), p.carats(), BigDecimal::add);
      }
    }
    Page<CustodyHistory.Period> slice = Page.of(matched, page);
    List<String> ids = slice.items().stream().map(CustodyHistory.Period::itemId).toList();
    Map<String, LineageRows.Item> items = graph.items(ids);
    Map<String, List<String>> carried = graph.originIdsOf(ids);
    Map<String, LineageRows.Origin> origins =
        graph.origins(carried.values().stream().flatMap(List::stream).distinct().toList());
    List<HeldItem> rows =
        slice.items().stream()
            .map(
                p ->
                    item(
                        p,
                        items.get(p.itemId()),
                        carried.getOrDefault(p.itemId(), List.of()),
                        origins))
            .toList();
    return new Holdings(
        holder,
        stockpileId,
        day,
        matched.size(),
        total,
        byPeriod,
        byZone,
        new Page<>(rows, slice.page(), slice.size(), slice.total()));
  }

  /**
   * How many distinct zones an item's origins come from (and the first by name), whether one is
   * {@code zone}, and how many are undocumented (no date), bought before and on or after {@code
   * day}.
   */
  static LineageRows.OriginMix mix(
      String itemId, List<LineageRows.DatedOrigin> origins, String zone, LocalDate day) {
    java.util.TreeSet<String> zones = new java.util.TreeSet<>();
    int undocumented = 0;
    int before = 0;
    int onOrAfter = 0;
    for (LineageRows.DatedOrigin o : origins) {
      if (o.zoneId() != null) {
        zones.add(o.zoneId());
      }
      if (o.acquiredOn() == null) {
        undocumented++;
      } else if (o.acquiredOn().isBefore(day)) {
        before++;
      } else {
        onOrAfter++;
      }
    }
    return new LineageRows.OriginMix(
        itemId,
        zones.size(),
        zones.isEmpty() ? null : zones.first(),
        zone != null && zones.contains(zone),
        undocumented,
        before,
        onOrAfter);
  }

  /** The same period as {@link #item} gives, from the counts. */
  private static String period(LineageRows.OriginMix m) {
    if (m != null && m.undocumented() > 0) {
      return "UNDOCUMENTED";
    }
    boolean pre = m != null && m.before() > 0;
    boolean post = m != null && m.onOrAfter() > 0;
    return pre && post ? "MIXED" : pre ? "BEFORE_SUSPENSION" : "DURING_SUSPENSION";
  }

  private static String zoneKey(LineageRows.OriginMix m) {
    int n = m == null ? 0 : m.zoneCount();
    return n == 1 ? m.firstZone() : n == 0 ? "UNDOCUMENTED" : "MIXED";
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
      refs.add(new HeldItem.OriginRef(o.lotId(), o.origin().zoneId(), o.origin().acquiredOn()));
      if (o.origin().acquiredOn() == null) {
        undocumented = true;
      } else if (o.origin().acquiredOn().isBefore(LedgerCalendar.SUSPENSION_DATE)) {
        pre = true;
      } else {
        post = true;
      }
    }
    String period =
        undocumented
            ? "UNDOCUMENTED"
            : pre && post ? "MIXED" : pre ? "BEFORE_SUSPENSION" : "DURING_SUSPENSION";
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
        item == null ? null : item.stockpileId(),
        quarantine(item, origins.get(p.itemId())));
  }

  /** A declared stockpile item's quarantine as it stands now, or null if it never was. */
  private static HeldItem.Quarantine quarantine(LineageRows.Item item, LineageRows.Origin own) {
    if (item == null || own == null || own.quarantineReason() == null) {
      return null;
    }
    return new HeldItem.Quarantine(
        item.quarantined() ? "QUARANTINED" : "RELEASED",
        own.quarantineReason(),
        own.origin().auditClearance());
  }
}
