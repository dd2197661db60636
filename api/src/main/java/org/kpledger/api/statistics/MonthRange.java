package org.kpledger.api.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import org.kpledger.api.problem.QueryRefusedException;

/**
 * The months a statistics query covers, both ends included: by default the twelve months up to the
 * current one (the KP collects statistics yearly).
 */
record MonthRange(YearMonth from, YearMonth to) {

  /** Validates the raw parameters; {@code to} before {@code from} is a 400 naming {@code to}. */
  static MonthRange of(YearMonth from, YearMonth to, YearMonth current) {
    YearMonth last = to != null ? to : current;
    YearMonth first = from != null ? from : last.minusMonths(11);
    if (last.isBefore(first)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PERIOD", "to", "to (" + last + ") is before from (" + first + ")");
    }
    return new MonthRange(first, last);
  }

  /** The first day of the first month, as the projection stores months. */
  LocalDate firstMonthStart() {
    return from.atDay(1);
  }

  /** The first day of the last month. */
  LocalDate lastMonthStart() {
    return to.atDay(1);
  }
}
