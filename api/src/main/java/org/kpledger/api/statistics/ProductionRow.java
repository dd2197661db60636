package org.kpledger.api.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Purchase slips of one zone in one month (the month of the slip's field date, Bangui calendar).
 *
 * @param zoneId the sub-prefecture (null in a total)
 * @param month the month (null in a total)
 * @param purchases how many slips
 * @param carats their carats
 * @param valueUsd the prices paid, US$
 */
record ProductionRow(
    String zoneId, YearMonth month, long purchases, BigDecimal carats, BigDecimal valueUsd) {}
