package org.kpledger.zone;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The zone's status changed from {@code effectiveFrom} on, by decision {@code decisionRef}. */
@Revision("1")
public record ZoneDecisionRecordedEvent(
    String zoneId, ZoneStatus status, LocalDate effectiveFrom, String decisionRef) {}
