package org.kpledger.api.statistics;

import java.time.YearMonth;
import java.util.List;

/**
 * A KP statistics answer: the reporting period, the months covered, whose rows it counts, the total
 * and every row (a year holds a few dozen; no paging).
 *
 * @param period {@code MONTH}, {@code QUARTER} or {@code HALF_YEAR}
 * @param from the first month
 * @param to the last month (inclusive)
 * @param party null for every party, else the one party whose rows are counted
 * @param total the sum of every row
 * @param rows in period order, then by key
 */
public record KpStatistics<R>(
    String period, YearMonth from, YearMonth to, String party, R total, List<R> rows) {}
