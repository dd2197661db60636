package org.kpledger.api.zone;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A mining site where it was registered, and its zone's status on a day.
 *
 * @param siteId the site
 * @param name its name
 * @param zoneId its zone (sub-prefecture)
 * @param zoneName the zone's name (null if the zone is not registered)
 * @param prefecture the zone's prefecture (null if the zone is not registered)
 * @param latitude WGS 84 latitude in decimal degrees, as registered
 * @param longitude WGS 84 longitude in decimal degrees, as registered
 * @param asOf the day the zone's status is read for (Bangui calendar; today unless asked)
 * @param zoneStatus COMPLIANT or SUSPENDED on that day (SUSPENDED before any decision)
 */
record SiteSummary(
    String siteId,
    String name,
    String zoneId,
    String zoneName,
    String prefecture,
    BigDecimal latitude,
    BigDecimal longitude,
    LocalDate asOf,
    String zoneStatus) {}
