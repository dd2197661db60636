package org.kpledger.api.zone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.zone.ZoneDecisions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the zones projection. A status on a day is always read through {@link ZoneDecisions}, the
 * rule the traces and the export-gate verdicts use, applied to this projection's own decisions.
 */
@Component
class ZoneHistoryQueries {
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  ZoneHistoryQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** Who signed a decision, from its command's metadata. */
  private record Signer(String actorId, String organisation, String role, String commandId) {}

  /** A decision row with its signer, as the projection holds it. */
  private record Row(ZoneDecisions.Decision decision, Signer signer, Instant recordedAt) {}

  /** Every zone with its status on {@code asOf}, filtered; zone id order. */
  List<ZoneSummary> list(LocalDate asOf, String status, String prefecture) {
    Map<String, ZoneDecisions> decisions = new LinkedHashMap<>();
    rows(null).forEach((zone, rows) -> decisions.put(zone, decisionsOf(rows)));
    return jdbc
        .query(
            "SELECT zone_id, name, prefecture FROM zone_history_zone ORDER BY zone_id",
            (rs, n) ->
                summary(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    asOf,
                    decisions.getOrDefault(rs.getString(1), decisionsOf(List.of()))))
        .stream()
        .filter(z -> status == null || status.equals(z.status()))
        .filter(z -> prefecture == null || prefecture.equals(z.prefecture()))
        .toList();
  }

  /**
   * Every registered site with its coordinates and its zone's status on {@code asOf}, filtered by
   * zone and prefecture; site id order.
   */
  List<SiteSummary> sites(LocalDate asOf, String zone, String prefecture) {
    Map<String, ZoneSummary> zones = new LinkedHashMap<>();
    list(asOf, null, null).forEach(z -> zones.put(z.zoneId(), z));
    return jdbc
        .query(
            "SELECT site_id, name, zone_id, latitude, longitude FROM zone_history_site"
                + " ORDER BY site_id",
            (rs, n) -> {
              ZoneSummary z = zones.get(rs.getString(3));
              return new SiteSummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  z == null ? null : z.name(),
                  z == null ? null : z.prefecture(),
                  degrees(rs.getBigDecimal(4)),
                  degrees(rs.getBigDecimal(5)),
                  asOf,
                  z == null ? null : z.status());
            })
        .stream()
        .filter(site -> zone == null || zone.equals(site.zoneId()))
        .filter(site -> prefecture == null || prefecture.equals(site.prefecture()))
        .toList();
  }

  /**
   * Degrees as registered: the column's trailing zeros dropped, never in exponent form; null for a
   * site registered without coordinates.
   */
  private static BigDecimal degrees(BigDecimal stored) {
    if (stored == null) {
      return null;
    }
    BigDecimal d = stored.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /**
   * The zone's history; purchases counted for every buyer ({@code buyer} null), for one buyer, or
   * not at all ({@code count} false).
   */
  Optional<ZoneHistory> history(String zoneId, LocalDate asOf, boolean count, String buyer) {
    List<Map<String, Object>> zone =
        jdbc.queryForList(
            "SELECT name, prefecture FROM zone_history_zone WHERE zone_id = ?", zoneId);
    if (zone.isEmpty()) {
      return Optional.empty();
    }
    String name = (String) zone.get(0).get("NAME");
    String prefecture = (String) zone.get(0).get("PREFECTURE");
    List<Row> rows = rows(zoneId).getOrDefault(zoneId, List.of());
    ZoneDecisions decisions = decisionsOf(rows);
    List<ZoneDecisions.Period> periods = decisions.periods();
    List<ZoneHistory.Tally> tallies =
        periods.stream().map(p -> count ? tally(zoneId, p, buyer) : null).toList();
    List<ZoneHistory.Decision> entries = new ArrayList<>();
    // periods.get(0) is the time before any decision; period i + 1 is governed by rows.get(i)
    for (int i = 0; i < rows.size(); i++) {
      entries.add(entry(periods.get(i + 1), rows.get(i), tallies.get(i + 1)));
    }
    return Optional.of(
        new ZoneHistory(
            zoneId,
            name,
            prefecture,
            summary(zoneId, name, prefecture, asOf, decisions),
            entries,
            count ? buyer : null,
            count ? purchases(zoneId, buyer, periods, tallies) : null));
  }

  /** Purchases split by the status of the period they fall in. */
  private ZoneHistory.Purchases purchases(
      String zoneId,
      String buyer,
      List<ZoneDecisions.Period> periods,
      List<ZoneHistory.Tally> tallies) {
    ZoneHistory.Tally compliant = ZoneHistory.Tally.NONE;
    ZoneHistory.Tally nonCompliant = ZoneHistory.Tally.NONE;
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).compliant()) {
        compliant = compliant.plus(tallies.get(i));
      } else {
        nonCompliant = nonCompliant.plus(tallies.get(i));
      }
    }
    return new ZoneHistory.Purchases(
        compliant, nonCompliant, tallies.get(0), recordedNonCompliant(zoneId, buyer));
  }

  private static ZoneHistory.Decision entry(ZoneDecisions.Period p, Row row, ZoneHistory.Tally t) {
    ZoneDecisions.Decision d = p.decision();
    return new ZoneHistory.Decision(
        d.status(),
        d.effectiveFrom(),
        p.until(),
        d.decisionRef(),
        row.signer().actorId(),
        row.signer().organisation(),
        row.signer().role(),
        row.signer().commandId(),
        row.recordedAt(),
        LedgerCalendar.dateOf(row.recordedAt()).isAfter(d.effectiveFrom()),
        t);
  }

  private static ZoneDecisions decisionsOf(List<Row> rows) {
    return ZoneDecisions.of(rows.stream().map(Row::decision).toList());
  }

  private static ZoneSummary summary(
      String zoneId, String name, String prefecture, LocalDate asOf, ZoneDecisions decisions) {
    ZoneDecisions.Period p = decisions.on(asOf);
    ZoneDecisions.Decision d = p.decision();
    return new ZoneSummary(
        zoneId,
        name,
        prefecture,
        asOf,
        p.status(),
        d == null ? null : d.effectiveFrom(),
        d == null ? null : d.decisionRef());
  }

  /** Decision rows in effective-date order, by zone (one zone, or all when null). */
  private Map<String, List<Row>> rows(String zoneId) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT zone_id, effective_from, status, decision_ref, signed_by, signer_organisation, "
            + "signer_role, command_id, recorded_at FROM zone_history_decision "
            + (zoneId == null ? "" : "WHERE zone_id = ? ")
            + "ORDER BY zone_id, effective_from",
        rs -> {
          out.computeIfAbsent(rs.getString(1), z -> new ArrayList<>())
              .add(
                  new Row(
                      new ZoneDecisions.Decision(
                          Columns.date(rs.getObject(2)), rs.getString(3), rs.getString(4)),
                      new Signer(
                          rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                      Columns.instant(rs.getObject(9))));
        },
        zoneId == null ? new Object[0] : new Object[] {zoneId});
    return out;
  }

  private ZoneHistory.Tally tally(String zoneId, ZoneDecisions.Period p, String buyer) {
    MapSqlParameterSource args = new MapSqlParameterSource("zone", zoneId);
    StringBuilder sql =
        new StringBuilder(
            "SELECT COALESCE(SUM(purchases), 0), COALESCE(SUM(carats), 0) "
                + "FROM zone_history_purchase WHERE zone_id = :zone");
    if (p.from() != null) {
      sql.append(" AND purchase_day >= :from");
      args.addValue("from", p.from());
    }
    if (p.until() != null) {
      sql.append(" AND purchase_day < :until");
      args.addValue("until", p.until());
    }
    forBuyer(sql, args, buyer);
    return named.queryForObject(
        sql.toString(),
        args,
        (rs, n) -> new ZoneHistory.Tally(rs.getLong(1), rs.getBigDecimal(2).setScale(2)));
  }

  private long recordedNonCompliant(String zoneId, String buyer) {
    MapSqlParameterSource args = new MapSqlParameterSource("zone", zoneId);
    StringBuilder sql =
        new StringBuilder(
            "SELECT COALESCE(SUM(recorded_non_compliant), 0) FROM zone_history_purchase "
                + "WHERE zone_id = :zone");
    forBuyer(sql, args, buyer);
    Long n = named.queryForObject(sql.toString(), args, Long.class);
    return n == null ? 0 : n;
  }

  private static void forBuyer(StringBuilder sql, MapSqlParameterSource args, String buyer) {
    if (buyer != null) {
      sql.append(" AND buyer_party = :buyer");
      args.addValue("buyer", buyer);
    }
  }
}
