package org.kpledger.api.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import org.kpledger.api.problem.QueryRefusedException;

/**
 * The KP's reporting periods (Core Document Annex III; kp-facts §1.2): trade is reported per
 * quarter, production per half-year, and since 2019 CAR reports its exports monthly. A period is
 * named {@code 2019-Q1}, {@code 2019-H1} or {@code 2019-03}.
 */
enum ReportingPeriod {
  MONTH(1),
  QUARTER(3),
  HALF_YEAR(6);

  private final int months;

  ReportingPeriod(int months) {
    this.months = months;
  }

  /** The name of the period that holds {@code day}. */
  String of(LocalDate day) {
    return of(YearMonth.from(day));
  }

  /** The name of the period that holds {@code month}. */
  String of(YearMonth month) {
    int index = (month.getMonthValue() - 1) / months + 1;
    return switch (this) {
      case MONTH -> month.toString();
      case QUARTER -> month.getYear() + "-Q" + index;
      case HALF_YEAR -> month.getYear() + "-H" + index;
    };
  }

  /**
   * The months from {@code from} to {@code to}, refused unless they are whole periods: a quarter
   * that starts in February would not be the quarter the KP collects.
   */
  MonthRange whole(YearMonth from, YearMonth to, YearMonth current) {
    YearMonth first = from != null ? from : YearMonth.of(current.getYear(), 1);
    YearMonth last = to != null ? to : YearMonth.of(first.getYear(), 12);
    MonthRange range = MonthRange.of(first, last, current);
    if ((first.getMonthValue() - 1) % months != 0) {
      throw notAligned("from", first + " does not start a " + label());
    }
    if (last.getMonthValue() % months != 0) {
      throw notAligned("to", last + " does not end a " + label());
    }
    return range;
  }

  private String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static QueryRefusedException notAligned(String field, String detail) {
    return QueryRefusedException.badParameter(
        "PERIOD_NOT_ALIGNED", field, field + ": " + detail + " (give whole reporting periods)");
  }
}
