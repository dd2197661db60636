package org.kpledger.api.lineage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the lineage projection: items, edges, origins and which origins each item carries. */
@Component
public class LineageGraph {
  private static final Set<String> ORIGIN_KEYS =
      Set.of("miner_id", "site_id", "zone_id", "buyer_party");

  /**
   * Origin ids per statement of {@link #datedOriginsOf}: a list may run to tens of thousands
   * (PostgreSQL binds at most 32,767), and up to 500 ids PostgreSQL looks them up by primary key
   * even in a size-1 year (100,004 origins), where 924 ids in one statement made it scan the table.
   */
  private static final int IN_LIST = 500;

  /**
   * The columns {@link #origin} maps, in its order: a trace reads about 1,500 origin rows, and
   * naming them lets the mapping read each value by position rather than look its label up.
   */
  private static final String ORIGIN_COLUMNS =
      "lot_id, miner_id, patente_number, site_id, zone_id, acquired_on, carats, stockpile_id, "
          + "audit_clearance, kind, slip_number, occurred_at, recorded_at, late_entry, stone_count, "
          + "price_usd, buyer_party, buyer_licence, zone_compliant_recorded, quarantine_reason";

  private final NamedParameterJdbcTemplate named;

  LineageGraph(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** One item, if the projection holds it. */
  public Optional<LineageRows.Item> item(String id) {
    return items(List.of(id)).values().stream().findFirst();
  }

  /** The items with these ids, keyed by id, in id order. */
  public Map<String, LineageRows.Item> items(Collection<String> ids) {
    Map<String, LineageRows.Item> out = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      named.query(
          "SELECT * FROM lineage_item WHERE item_id IN (:ids) ORDER BY item_id",
          Map.of("ids", ids),
          (ResultSet rs) -> {
            LineageRows.Item i = item(rs);
            out.put(i.itemId(), i);
          });
    }
    return out;
  }

  /** The edges that end in any of these items. */
  public List<LineageRows.Edge> edgesInto(Collection<String> ids) {
    return edges("to_item", ids);
  }

  /** The origins of these lots or stockpile items, keyed by id, in id order. */
  public Map<String, LineageRows.Origin> origins(Collection<String> lotIds) {
    Map<String, LineageRows.Origin> out = new LinkedHashMap<>();
    if (!lotIds.isEmpty()) {
      named.query(
          "SELECT "
              + ORIGIN_COLUMNS
              + " FROM lineage_origin WHERE lot_id IN (:ids) ORDER BY lot_id",
          Map.of("ids", lotIds),
          (ResultSet rs) -> {
            LineageRows.Origin o = origin(rs);
            out.put(o.lotId(), o);
          });
    }
    return out;
  }

  /**
   * Every origin these items carry, in id order, in one statement (the item-origin table holds each
   * item's origins, so no walk is needed).
   */
  public List<LineageRows.Origin> originsCarriedBy(Collection<String> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        "SELECT "
            + ORIGIN_COLUMNS
            + " FROM lineage_origin WHERE lot_id IN (SELECT lot_id FROM lineage_item_origin "
            + "WHERE item_id IN (:ids)) ORDER BY lot_id",
        Map.of("ids", itemIds),
        (rs, n) -> origin(rs));
  }

  /**
   * Every item held confiscated or forfeited: a handful in a ledger, read through an index and
   * intersected in Java; joining them to a trace's thousand origins was the walk's costliest
   * statement in the JFR profile of the read benchmark.
   */
  public Set<String> confiscatedItems() {
    return Set.copyOf(
        named.queryForList(
            "SELECT item_id FROM lineage_item WHERE state IN (:held)",
            // the states the ledger's ParcelState counts as confiscated
            Map.of(
                "held",
                java.util.Arrays.stream(org.kpledger.parcel.ParcelState.values())
                    .filter(org.kpledger.parcel.ParcelState::confiscated)
                    .map(Enum::name)
                    .toList()),
            String.class));
  }

  /**
   * For each of these items, the zone and acquisition date of every origin it carries (what
   * holdings as of a day total and filter by), in two statements, each a lookup by primary key: the
   * origin ids of the items, then the zone and date of those origins. One statement joining the two
   * tables made PostgreSQL read every origin of the ledger (a hash join over a sequential scan,
   * since it expects each item to carry 26 origins where a buying office's items mostly carry one):
   * 100,004 rows at size 1 and 1,000,040 in a table ten times that size for the 924 items a buying
   * office held (docs/benchmarks.md, issue #20). An item without origins is left out.
   */
  public Map<String, List<LineageRows.DatedOrigin>> datedOriginsOf(Collection<String> itemIds) {
    Map<String, List<LineageRows.DatedOrigin>> out = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    Map<String, List<String>> carried = originIdsOf(itemIds);
    Map<String, LineageRows.DatedOrigin> dated = new java.util.HashMap<>();
    List<String> lots = carried.values().stream().flatMap(List::stream).distinct().toList();
    for (int from = 0; from < lots.size(); from += IN_LIST) {
      named.query(
          "SELECT lot_id, zone_id, acquired_on FROM lineage_origin WHERE lot_id IN (:ids)",
          Map.of("ids", lots.subList(from, Math.min(lots.size(), from + IN_LIST))),
          (ResultSet rs) -> {
            dated.put(
                rs.getString(1),
                new LineageRows.DatedOrigin(
                    rs.getString(1), rs.getString(2), Columns.date(rs.getObject(3))));
          });
    }
    carried.forEach(
        (item, ids) -> {
          List<LineageRows.DatedOrigin> found =
              ids.stream().map(dated::get).filter(java.util.Objects::nonNull).toList();
          if (!found.isEmpty()) {
            out.put(item, found);
          }
        });
    return out;
  }

  /** The origin ids each of these items carries. */
  public Map<String, List<String>> originIdsOf(Collection<String> itemIds) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!itemIds.isEmpty()) {
      named.query(
          "SELECT item_id, lot_id FROM lineage_item_origin WHERE item_id IN (:ids) "
              + "ORDER BY item_id, lot_id",
          Map.of("ids", itemIds),
          (ResultSet rs) -> {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          });
    }
    return out;
  }

  /** Every item that carries any of these origins (the origins themselves included). */
  public List<String> itemsCarrying(Collection<String> lotIds) {
    if (lotIds.isEmpty()) {
      return List.of();
    }
    return named.queryForList(
        "SELECT DISTINCT item_id FROM lineage_item_origin WHERE lot_id IN "
            + "(:ids) ORDER BY item_id",
        Map.of("ids", lotIds),
        String.class);
  }

  /**
   * The origin ids whose {@code column} (miner_id, site_id, zone_id, buyer_party) is {@code value}.
   */
  public List<String> originsWhere(String column, String value) {
    if (!ORIGIN_KEYS.contains(column)) {
      throw new IllegalArgumentException(column);
    }
    return named.queryForList(
        "SELECT lot_id FROM lineage_origin WHERE " + column + " = :v " + "ORDER BY lot_id",
        Map.of("v", value),
        String.class);
  }

  /** The items declared in a stockpile. */
  public List<String> itemsOfStockpile(String stockpileId) {
    return named.queryForList(
        "SELECT item_id FROM lineage_item WHERE stockpile_id = :s " + "ORDER BY item_id",
        Map.of("s", stockpileId),
        String.class);
  }

  private List<LineageRows.Edge> edges(String column, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return named.query(
        "SELECT from_item, to_item, carats, operation, recorded_at FROM lineage_edge WHERE "
            + column
            + " IN (:ids) "
            + "ORDER BY to_item, from_item",
        Map.of("ids", ids),
        (rs, n) ->
            new LineageRows.Edge(
                rs.getString(1),
                rs.getString(2),
                rs.getBigDecimal(3),
                rs.getString(4),
                Columns.instant(rs.getObject(5))));
  }

  private static LineageRows.Item item(ResultSet rs) throws SQLException {
    return new LineageRows.Item(
        rs.getString("item_id"),
        rs.getString("kind"),
        rs.getBigDecimal("carats"),
        rs.getString("holder"),
        rs.getString("state"),
        rs.getString("shipment_id"),
        rs.getString("seal_id"),
        rs.getBigDecimal("value_usd"),
        rs.getString("price_list_version"),
        rs.getBoolean("quarantined"),
        rs.getString("stockpile_id"),
        Columns.instant(rs.getObject("created_at")));
  }

  /**
   * The late-entry flag the slip's event carries; a row projected before the flag was kept (null)
   * gets the ledger's same rule on the slip's two dates.
   */
  private static boolean lateEntry(Boolean kept, Instant occurred, Instant recorded) {
    if (kept != null) {
      return kept;
    }
    return occurred != null
        && recorded != null
        && FieldDate.isLate(LedgerCalendar.dateOf(occurred), LedgerCalendar.dateOf(recorded));
  }

  /** An origin row read as {@link #ORIGIN_COLUMNS}, by position. */
  private static LineageRows.Origin origin(ResultSet rs) throws SQLException {
    Instant occurred = Columns.instant(rs.getObject(12));
    Instant recorded = Columns.instant(rs.getObject(13));
    return new LineageRows.Origin(
        new org.kpledger.parcel.Origin(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            Columns.date(rs.getObject(6)),
            rs.getBigDecimal(7),
            rs.getString(8),
            rs.getString(9)),
        rs.getString(10),
        rs.getString(11),
        occurred,
        recorded,
        lateEntry((Boolean) rs.getObject(14), occurred, recorded),
        (Integer) rs.getObject(15),
        rs.getBigDecimal(16),
        rs.getString(17),
        rs.getString(18),
        (Boolean) rs.getObject(19),
        rs.getString(20));
  }
}
