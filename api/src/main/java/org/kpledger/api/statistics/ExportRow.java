package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Exports in one month, as the Monitoring Team's monthly export report and the KP's trade and
 * certificate-count statistics need them.
 *
 * @param month the month (null in a total)
 * @param shipments shipments exported (month of the export day)
 * @param carats their carats
 * @param valueUsd their valuation, US$
 * @param certificatesIssued KP certificates issued (month of the issue date)
 */
record ExportRow(
    YearMonth month,
    long shipments,
    BigDecimal carats,
    BigDecimal valueUsd,
    long certificatesIssued) {}
