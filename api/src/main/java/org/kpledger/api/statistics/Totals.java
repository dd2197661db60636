package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The total row of a statistics answer: every row of the period summed, keys left null. */
final class Totals {
  private Totals() {}

  static ProductionRow production(List<ProductionRow> rows) {
    return new ProductionRow(
        null,
        null,
        rows.stream().mapToLong(ProductionRow::purchases).sum(),
        sum(rows, ProductionRow::carats),
        sum(rows, ProductionRow::valueUsd));
  }

  static OfficeRow offices(List<OfficeRow> rows) {
    return new OfficeRow(
        null,
        null,
        rows.stream().mapToLong(OfficeRow::purchases).sum(),
        sum(rows, OfficeRow::caratsPurchased),
        sum(rows, OfficeRow::valuePurchasedUsd),
        sum(rows, OfficeRow::caratsReceived),
        sum(rows, OfficeRow::caratsAcquired),
        rows.stream().mapToLong(OfficeRow::shipmentsExported).sum(),
        sum(rows, OfficeRow::caratsExported),
        sum(rows, OfficeRow::valueExportedUsd));
  }

  static ExportRow exports(List<ExportRow> rows) {
    return new ExportRow(
        null,
        rows.stream().mapToLong(ExportRow::shipments).sum(),
        sum(rows, ExportRow::carats),
        sum(rows, ExportRow::valueUsd),
        rows.stream().mapToLong(ExportRow::certificatesIssued).sum());
  }

  private static <R> BigDecimal sum(List<R> rows, Function<R, BigDecimal> column) {
    return rows.stream().map(column).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
