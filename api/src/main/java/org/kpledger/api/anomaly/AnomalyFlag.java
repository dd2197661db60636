package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One anomaly flag.
 *
 * @param kind {@code VALUE_PER_CARAT_OUTLIER}, {@code PURCHASE_JUMP}, {@code SITE_OVER_PRODUCTION}
 *     or {@code CERTIFICATE_UNCONFIRMED}
 * @param subject what is flagged: a lot, a miner, a site or a certificate number
 * @param period the quarter ({@code 2019-Q1}) or, for a certificate, its day of export
 * @param day the purchase's or the export's day; null for a jump (a whole quarter)
 * @param group the comparison group: the zone (of a lot or a site), the miner, the importer's
 *     country
 * @param value the flagged figure (US$/ct, carats in the quarter, days since export)
 * @param reference what it was compared with (the group's median, the miner's median quarter, the
 *     site's production recorded for the quarter, the delay)
 * @param explanation the flag in words: the figure, the statistic, the threshold
 */
public record AnomalyFlag(
    String kind,
    String subject,
    String period,
    LocalDate day,
    String group,
    BigDecimal value,
    BigDecimal reference,
    String explanation) {}
