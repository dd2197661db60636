package org.kpledger.api.registry;

import java.time.LocalDate;

/**
 * A zone's status in force on a day, read from its dated decisions as they stand now.
 *
 * @param zoneId the sub-prefecture
 * @param name its name (null if the zone is not registered)
 * @param day the day asked about (Bangui calendar)
 * @param status COMPLIANT or SUSPENDED (SUSPENDED before any decision, as the export gate reads it)
 * @param compliant whether exports from that day are allowed
 * @param decisionRef the decision in force that day, or null
 */
public record ZoneVerdict(
    String zoneId,
    String name,
    LocalDate day,
    String status,
    boolean compliant,
    String decisionRef) {}
