package org.kpledger.api.holdings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.kpledger.api.paging.Page;

/**
 * What a party (or a stockpile's items) held at the end of a day, with totals over every item that
 * matched the filters (not just this page).
 *
 * @param holder the party asked about, or null for a stockpile
 * @param stockpileId the stockpile asked about, or null for a party
 * @param asOf the day (Bangui calendar)
 * @param itemCount how many items matched
 * @param carats their total mass
 * @param caratsByPeriod totals by BEFORE_SUSPENSION, DURING_SUSPENSION, MIXED, UNDOCUMENTED
 * @param caratsByZone totals by origin zone; items of several zones under MIXED
 * @param items this page of the items
 */
record Holdings(
    String holder,
    String stockpileId,
    LocalDate asOf,
    int itemCount,
    BigDecimal carats,
    Map<String, BigDecimal> caratsByPeriod,
    Map<String, BigDecimal> caratsByZone,
    Page<HeldItem> items) {}
