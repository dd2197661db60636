package org.kpledger.api.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Computes mass balances from the custody, lineage and registry projections. */
@Component
class BalanceQuery {
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  private final JdbcTemplate jdbc;

  BalanceQuery(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  PartyBalance party(String party, LocalDate from, LocalDate to) {
    BigDecimal opening = heldAt(party, from.minusDays(1));
    BigDecimal closing = heldAt(party, to);
    Map<String, BigDecimal> in =
        grouped(
            "SELECT acquired_by, SUM(carats_in) FROM custody_holding "
                + "WHERE holder = ? AND from_date BETWEEN ? AND ? GROUP BY acquired_by",
            party,
            from,
            to);
    Map<String, BigDecimal> out =
        grouped(
            "SELECT ended_by, SUM(carats) FROM custody_holding "
                + "WHERE holder = ? AND until_date BETWEEN ? AND ? GROUP BY ended_by",
            party,
            from,
            to);
    BigDecimal weighed =
        sum(
            "SELECT SUM(w.difference) FROM custody_weighing w JOIN custody_holding h "
                + "ON h.id = w.holding_id WHERE h.holder = ? AND w.recorded_on BETWEEN ? AND ?",
            party,
            from,
            to);
    BigDecimal unexplained =
        opening.add(total(in)).subtract(total(out)).add(weighed).subtract(closing);
    return new PartyBalance(party, from, to, opening, in, out, weighed, closing, unexplained);
  }

  SiteBalance site(String siteId, LocalDate from, LocalDate to) {
    BigDecimal produced = ZERO;
    BigDecimal producedToDate = ZERO;
    for (Map<String, Object> row :
        jdbc.queryForList(
            "SELECT carats, occurred_at FROM " + "registry_production WHERE site_id = ?", siteId)) {
      LocalDate day = LedgerCalendar.dateOf(Columns.instant(row.get("OCCURRED_AT")));
      BigDecimal carats = (BigDecimal) row.get("CARATS");
      if (!day.isAfter(to)) {
        producedToDate = producedToDate.add(carats);
        produced = day.isBefore(from) ? produced : produced.add(carats);
      }
    }
    Map<String, BigDecimal> byBuyer =
        grouped(
            "SELECT buyer_party, SUM(carats) FROM lineage_origin "
                + "WHERE site_id = ? AND acquired_on BETWEEN ? AND ? GROUP BY buyer_party",
            siteId,
            from,
            to);
    BigDecimal purchasedToDate =
        sum(
            "SELECT SUM(carats) FROM lineage_origin WHERE site_id = ? " + "AND acquired_on <= ?",
            siteId,
            to);
    BigDecimal remaining = producedToDate.subtract(purchasedToDate);
    return new SiteBalance(
        siteId,
        from,
        to,
        produced,
        total(byBuyer),
        byBuyer,
        producedToDate,
        purchasedToDate,
        remaining.max(ZERO),
        remaining.negate().max(ZERO));
  }

  private BigDecimal heldAt(String party, LocalDate day) {
    return sum(
        "SELECT SUM(h.carats_in + COALESCE((SELECT SUM(w.difference) FROM custody_weighing w "
            + "WHERE w.holding_id = h.id AND w.recorded_on <= ?), 0)) FROM custody_holding h "
            + "WHERE h.holder = ? AND h.from_date <= ? AND (h.until_date IS NULL OR h.until_date > ?)",
        day,
        party,
        day,
        day);
  }

  private Map<String, BigDecimal> grouped(String sql, Object... args) {
    Map<String, BigDecimal> out = new TreeMap<>();
    List<Map<String, Object>> rows = jdbc.queryForList(sql, args);
    for (Map<String, Object> row : rows) {
      Object[] values = row.values().toArray();
      out.put(String.valueOf(values[0]), ((BigDecimal) values[1]).setScale(2));
    }
    return out;
  }

  private BigDecimal sum(String sql, Object... args) {
    BigDecimal s = jdbc.queryForObject(sql, BigDecimal.class, args);
    return s == null ? ZERO : s.setScale(2);
  }

  private static BigDecimal total(Map<String, BigDecimal> values) {
    return values.values().stream().reduce(ZERO, BigDecimal::add);
  }
}
