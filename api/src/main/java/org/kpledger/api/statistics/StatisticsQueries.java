package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the statistics projection: rows of a period, filtered, in month order. */
@Component
class StatisticsQueries {
  private final NamedParameterJdbcTemplate named;

  StatisticsQueries(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** Purchases per zone and month; of one zone and one buyer when those are not null. */
  List<ProductionRow> production(MonthRange range, String zone, String buyer) {
    Query q = new Query(range);
    q.and("zone_id", zone).and("buyer_party", buyer);
    return named.query(
        "SELECT zone_id, month_start, SUM(purchases), SUM(carats), SUM(value_usd) "
            + "FROM stat_production WHERE "
            + q.where
            + " GROUP BY zone_id, month_start ORDER BY month_start, zone_id",
        q.args,
        (rs, n) ->
            new ProductionRow(
                rs.getString(1), month(rs, 2), rs.getLong(3), amount(rs, 4), amount(rs, 5)));
  }

  /** Each buying office's acquisitions and exports per month; of one office when not null. */
  List<OfficeRow> offices(MonthRange range, String office) {
    Query q = new Query(range);
    q.and("party", office);
    return named.query(
        "SELECT party, month_start, purchases, carats_purchased, value_purchased_usd, "
            + "carats_received, shipments_exported, carats_exported, value_exported_usd "
            + "FROM stat_office WHERE "
            + q.where
            + " ORDER BY month_start, party",
        q.args,
        (rs, n) ->
            new OfficeRow(
                rs.getString(1),
                month(rs, 2),
                rs.getLong(3),
                amount(rs, 4),
                amount(rs, 5),
                amount(rs, 6),
                amount(rs, 4).add(amount(rs, 6)),
                rs.getLong(7),
                amount(rs, 8),
                amount(rs, 9)));
  }

  /** Exports and certificates per month; of one exporter when not null. */
  List<ExportRow> exports(MonthRange range, String exporter) {
    Query q = new Query(range);
    q.and("exporter", exporter);
    return named.query(
        "SELECT month_start, SUM(shipments), SUM(carats), SUM(value_usd), "
            + "SUM(certificates_issued) FROM stat_export WHERE "
            + q.where
            + " GROUP BY month_start ORDER BY month_start",
        q.args,
        (rs, n) ->
            new ExportRow(
                month(rs, 1), rs.getLong(2), amount(rs, 3), amount(rs, 4), rs.getLong(5)));
  }

  private static YearMonth month(ResultSet rs, int column) throws SQLException {
    return YearMonth.from(Columns.date(rs.getObject(column)));
  }

  private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
    BigDecimal v = rs.getBigDecimal(column);
    return (v == null ? BigDecimal.ZERO : v).setScale(2);
  }

  /** A WHERE clause over the period and equality filters whose value is not null. */
  private static final class Query {
    private final StringBuilder where =
        new StringBuilder("month_start BETWEEN :firstMonth AND :lastMonth");
    private final MapSqlParameterSource args = new MapSqlParameterSource();

    Query(MonthRange range) {
      args.addValue("firstMonth", range.firstMonthStart());
      args.addValue("lastMonth", range.lastMonthStart());
    }

    Query and(String column, String value) {
      if (value != null) {
        where.append(" AND ").append(column).append(" = :").append(column);
        args.addValue(column, value);
      }
      return this;
    }
  }
}
