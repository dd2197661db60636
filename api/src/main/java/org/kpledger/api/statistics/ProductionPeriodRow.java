package org.kpledger.api.statistics;

import java.math.BigDecimal;

/**
 * Production of one period and zone, counted as the ledger sees it: artisanal production enters the
 * ledger when it is first bought (the purchase slip), so carats and US$ are those of the purchases.
 *
 * @param period {@code 2019-H1}, {@code 2019-Q1} or {@code 2019-03} (null in a total)
 * @param zoneId the zone of the sites (null in a total)
 * @param purchases purchase slips
 * @param carats their carats
 * @param valueUsd what the buyers paid, US$
 * @param usdPerCarat value per carat, 2 decimals (null without carats)
 * @param anomalyFlags purchases of the period and zone flagged {@code VALUE_PER_CARAT_OUTLIER}
 *     ({@code /api/anomalies}, judged over the months asked for); 0 in a trader's own rows
 * @param siteOverProductionFlags quarters of the zone's sites flagged {@code SITE_OVER_PRODUCTION}
 *     within the period; null per month (the flag judges a quarter); 0 in a trader's own rows
 */
public record ProductionPeriodRow(
    String period,
    String zoneId,
    long purchases,
    BigDecimal carats,
    BigDecimal valueUsd,
    BigDecimal usdPerCarat,
    long anomalyFlags,
    Long siteOverProductionFlags) {}
