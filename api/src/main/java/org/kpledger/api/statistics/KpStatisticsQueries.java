package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.anomaly.AnomalyQueries;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * KP statistics per reporting period. Trade is counted from the certificate projection (a
 * certificate names the partner country, the HS code, the carats and the value as endorsed), the
 * export by its day of export and the certificate by its day of issue; production from the monthly
 * purchases of {@link StatisticsQueries}.
 */
@Component
class KpStatisticsQueries {
  private final NamedParameterJdbcTemplate named;
  private final StatisticsQueries monthly;
  private final AnomalyQueries anomalies;

  KpStatisticsQueries(JdbcTemplate jdbc, StatisticsQueries monthly, AnomalyQueries anomalies) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.monthly = monthly;
    this.anomalies = anomalies;
  }

  /** Trade rows of the months, per period, partner country and HS code; of one exporter if set. */
  List<TradeRow> trade(ReportingPeriod period, MonthRange range, String exporter) {
    MapSqlParameterSource args =
        new MapSqlParameterSource()
            .addValue("first", range.firstMonthStart())
            .addValue("last", range.to().atEndOfMonth())
            .addValue("exporter", exporter);
    String mine = exporter == null ? "" : " AND exporter = :exporter";
    Map<List<String>, Tally> tallies = new TreeMap<>(KpStatisticsQueries::compare);
    // the flags are the overseers' list: a trader's own rows count none
    Set<String> unconfirmed =
        exporter == null ? flagged("CERTIFICATE_UNCONFIRMED", range) : Set.of();
    named.query(
        "SELECT exported_on, importer_country, hs_code, carats, value_usd, certificate_number"
            + " FROM certificate"
            + " WHERE exported_on BETWEEN :first AND :last"
            + mine,
        args,
        rs -> {
          LocalDate day = Columns.date(rs.getObject(1));
          Tally t = tally(tallies, period.of(day), rs.getString(2), rs.getString(3));
          t.shipments++;
          t.carats = t.carats.add(amount(rs.getBigDecimal(4)));
          t.value = t.value.add(amount(rs.getBigDecimal(5)));
          if (unconfirmed.contains(rs.getString(6))) {
            t.flags++;
          }
        });
    named.query(
        "SELECT issued_on, importer_country, hs_code FROM certificate"
            + " WHERE issued_on BETWEEN :first AND :last"
            + mine,
        args,
        rs -> {
          LocalDate day = Columns.date(rs.getObject(1));
          tally(tallies, period.of(day), rs.getString(2), rs.getString(3)).certificates++;
        });
    List<TradeRow> rows = new ArrayList<>();
    tallies.forEach(
        (k, t) ->
            rows.add(
                new TradeRow(
                    k.get(0),
                    k.get(1),
                    k.get(2),
                    t.shipments,
                    t.carats,
                    t.value,
                    perCarat(t.value, t.carats),
                    t.certificates,
                    t.flags)));
    return rows;
  }

  /** Production rows of the months, per period and zone; of one buyer if set. */
  List<ProductionPeriodRow> production(
      ReportingPeriod period, MonthRange range, String zone, String buyer) {
    Map<List<String>, Tally> tallies = new TreeMap<>(KpStatisticsQueries::compare);
    for (ProductionRow r : monthly.production(range, zone, buyer)) {
      Tally t = tally(tallies, period.of(r.month()), r.zoneId(), "");
      t.shipments += r.purchases();
      t.carats = t.carats.add(r.carats());
      t.value = t.value.add(r.valueUsd());
    }
    List<AnomalyFlag> flags =
        buyer == null
            ? anomalies.flags(range.firstMonthStart(), range.to().atEndOfMonth())
            : List.of();
    for (AnomalyFlag f : flags) {
      if (zone != null && !zone.equals(f.group())) {
        continue;
      }
      if (f.kind().equals("VALUE_PER_CARAT_OUTLIER")) {
        Tally t = tallies.get(List.of(period.of(f.day()), f.group(), ""));
        if (t != null) {
          t.flags++;
        }
      } else if (f.kind().equals("SITE_OVER_PRODUCTION") && period != ReportingPeriod.MONTH) {
        Tally t = tallies.get(List.of(period.of(firstDayOfQuarter(f.period())), f.group(), ""));
        if (t != null) {
          t.siteFlags++;
        }
      }
    }
    List<ProductionPeriodRow> rows = new ArrayList<>();
    tallies.forEach(
        (k, t) ->
            rows.add(
                new ProductionPeriodRow(
                    k.get(0),
                    k.get(1),
                    t.shipments,
                    t.carats,
                    t.value,
                    perCarat(t.value, t.carats),
                    t.flags,
                    period == ReportingPeriod.MONTH ? null : t.siteFlags)));
    return rows;
  }

  /** The first day of a quarter named {@code 2019-Q2}. */
  private static LocalDate firstDayOfQuarter(String quarter) {
    return LocalDate.of(
        Integer.parseInt(quarter.substring(0, 4)), 3 * (quarter.charAt(6) - '0') - 2, 1);
  }

  static TradeRow tradeTotal(List<TradeRow> rows) {
    BigDecimal carats = sum(rows.stream().map(TradeRow::caratsExported).toList());
    BigDecimal value = sum(rows.stream().map(TradeRow::valueExportedUsd).toList());
    return new TradeRow(
        null,
        null,
        null,
        rows.stream().mapToLong(TradeRow::shipmentsExported).sum(),
        carats,
        value,
        perCarat(value, carats),
        rows.stream().mapToLong(TradeRow::certificatesIssued).sum(),
        rows.stream().mapToLong(TradeRow::unconfirmedCertificates).sum());
  }

  static ProductionPeriodRow productionTotal(List<ProductionPeriodRow> rows) {
    BigDecimal carats = sum(rows.stream().map(ProductionPeriodRow::carats).toList());
    BigDecimal value = sum(rows.stream().map(ProductionPeriodRow::valueUsd).toList());
    return new ProductionPeriodRow(
        null,
        null,
        rows.stream().mapToLong(ProductionPeriodRow::purchases).sum(),
        carats,
        value,
        perCarat(value, carats),
        rows.stream().mapToLong(ProductionPeriodRow::anomalyFlags).sum(),
        rows.stream().anyMatch(r -> r.siteOverProductionFlags() == null)
            ? null
            : rows.stream().mapToLong(ProductionPeriodRow::siteOverProductionFlags).sum());
  }

  static BigDecimal perCarat(BigDecimal usd, BigDecimal carats) {
    return carats.signum() == 0 ? null : usd.divide(carats, 2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static BigDecimal amount(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  private static Tally tally(Map<List<String>, Tally> tallies, String period, String a, String b) {
    return tallies.computeIfAbsent(
        List.of(period, a == null ? "" : a, b == null ? "" : b), k -> new Tally());
  }

  private static int compare(List<String> x, List<String> y) {
    for (int i = 0; i < x.size(); i++) {
      int c = x.get(i).compareTo(y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private List<AnomalyFlag> flags(String kind, MonthRange range) {
    return anomalies.flags(range.firstMonthStart(), range.to().atEndOfMonth()).stream()
        .filter(f -> f.kind().equals(kind))
        .toList();
  }

  private Set<String> flagged(String kind, MonthRange range) {
    Set<String> out = new HashSet<>();
    flags(kind, range).forEach(f -> out.add(f.subject()));
    return out;
  }

  /** Running sums of one row. */
  private static final class Tally {
    long shipments;
    long certificates;
    long flags;
    long siteFlags;
    BigDecimal carats = BigDecimal.ZERO.setScale(2);
    BigDecimal value = BigDecimal.ZERO.setScale(2);
  }
}
