package org.kpledger.api.zone;

import java.time.LocalDate;

/**
 * A zone and its status on a day.
 *
 * @param zoneId the sub-prefecture
 * @param asOf the day the status is read for (Bangui calendar; today unless asked)
 * @param status COMPLIANT or SUSPENDED (SUSPENDED before any decision)
 * @param since the effective date of the decision in force, or null before any decision
 * @param decisionRef that decision's reference, or null
 */
record ZoneSummary(
    String zoneId,
    String name,
    String prefecture,
    LocalDate asOf,
    String status,
    LocalDate since,
    String decisionRef) {}
