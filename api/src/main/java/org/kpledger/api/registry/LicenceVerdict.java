package org.kpledger.api.registry;

import java.time.LocalDate;

/**
 * A licence's standing on a day.
 *
 * @param licenceNumber the licence
 * @param kind PATENTE, AGREMENT or EXPORT_LICENCE (null if unknown)
 * @param holderId its holder (null if unknown)
 * @param day the day asked about
 * @param status ACTIVE, SUSPENDED, REVOKED, NOT_YET_VALID, EXPIRED or UNKNOWN
 * @param inForce whether it was in force that day (as {@code Licence.validOn} decides)
 */
public record LicenceVerdict(
    String licenceNumber,
    String kind,
    String holderId,
    LocalDate day,
    String status,
    boolean inForce) {}
