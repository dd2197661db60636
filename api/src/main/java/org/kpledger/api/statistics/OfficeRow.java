package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A buying office's acquisitions and exports in one month.
 *
 * @param office the buying office (null in a total)
 * @param month the month (null in a total)
 * @param purchases slips it bought from miners (month of the field date)
 * @param caratsPurchased their carats
 * @param valuePurchasedUsd the prices it paid
 * @param caratsReceived carats it accepted by transfer, from collectors (month of the record day)
 * @param caratsAcquired purchased plus received
 * @param shipmentsExported shipments it exported (month of the export day)
 * @param caratsExported their carats
 * @param valueExportedUsd their valuation, US$
 */
record OfficeRow(
    String office,
    YearMonth month,
    long purchases,
    BigDecimal caratsPurchased,
    BigDecimal valuePurchasedUsd,
    BigDecimal caratsReceived,
    BigDecimal caratsAcquired,
    long shipmentsExported,
    BigDecimal caratsExported,
    BigDecimal valueExportedUsd) {}
