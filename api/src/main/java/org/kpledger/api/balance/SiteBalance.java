package org.kpledger.api.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A site's production register against the purchase slips drawn on it (kp-facts rule 3).
 *
 * @param productionRegistered production entered with a field date in the period
 * @param purchased slips from the site with a purchase day in the period
 * @param purchasedByBuyer the period's purchases by buyer
 * @param productionToDate all production with a field date up to {@code to}
 * @param purchasedToDate all purchases up to {@code to}
 * @param productionNotPurchased registered but not (yet) sold through a slip, up to {@code to}
 * @param unexplainedDifference purchases beyond registered production, up to {@code to}
 */
record SiteBalance(
    String siteId,
    LocalDate from,
    LocalDate to,
    BigDecimal productionRegistered,
    BigDecimal purchased,
    Map<String, BigDecimal> purchasedByBuyer,
    BigDecimal productionToDate,
    BigDecimal purchasedToDate,
    BigDecimal productionNotPurchased,
    BigDecimal unexplainedDifference) {}
