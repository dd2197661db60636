package org.kpledger.api.statistics;

import java.time.YearMonth;
import org.kpledger.api.paging.Page;

/**
 * A statistics answer: the period, whose rows it counts, the total over every row (not only this
 * page) and one page of rows.
 *
 * @param from the first month
 * @param to the last month (inclusive)
 * @param party whose rows are counted: null for every party, else one party (a trader reads only
 *     its own)
 * @param total the sum of every row of the period
 * @param rows the rows of this page
 */
record StatisticsReport<R>(YearMonth from, YearMonth to, String party, R total, Page<R> rows) {}
