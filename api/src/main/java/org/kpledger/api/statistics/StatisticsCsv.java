package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * KP statistics as CSV (RFC 4180: comma-separated, CRLF line ends, a header line, fields quoted
 * when they hold a comma, a quote or a line end). The rows come first, then one {@code TOTAL} line;
 * an empty cell is a missing value.
 */
final class StatisticsCsv {
  static final String MEDIA_TYPE = "text/csv";
  private static final String CRLF = "\r\n";

  private StatisticsCsv() {}

  static String trade(KpStatistics<TradeRow> s) {
    return csv(
        "period,partner_country,hs_code,shipments_exported,carats_exported,value_exported_usd,"
            + "usd_per_carat,certificates_issued,unconfirmed_certificates",
        s.rows(),
        s.total(),
        r ->
            Stream.of(
                r.period(),
                r.partnerCountry(),
                r.hsCode(),
                r.shipmentsExported(),
                r.caratsExported(),
                r.valueExportedUsd(),
                r.usdPerCarat(),
                r.certificatesIssued(),
                r.unconfirmedCertificates()));
  }

  static String production(KpStatistics<ProductionPeriodRow> s) {
    return csv(
        "period,zone_id,purchases,carats,value_usd,usd_per_carat,anomaly_flags,"
            + "site_over_production_flags",
        s.rows(),
        s.total(),
        r ->
            Stream.of(
                r.period(),
                r.zoneId(),
                r.purchases(),
                r.carats(),
                r.valueUsd(),
                r.usdPerCarat(),
                r.anomalyFlags(),
                r.siteOverProductionFlags()));
  }

  private static <R> String csv(
      String header, List<R> rows, R total, Function<R, Stream<Object>> cells) {
    StringBuilder out = new StringBuilder(header).append(CRLF);
    for (R r : rows) {
      out.append(line(cells.apply(r))).append(CRLF);
    }
    List<Object> last = cells.apply(total).collect(Collectors.toList());
    last.set(0, "TOTAL");
    out.append(line(last.stream())).append(CRLF);
    return out.toString();
  }

  private static String line(Stream<Object> cells) {
    return cells.map(StatisticsCsv::cell).collect(Collectors.joining(","));
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
