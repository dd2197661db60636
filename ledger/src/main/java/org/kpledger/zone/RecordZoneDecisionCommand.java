package org.kpledger.zone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A Monitoring Team decision on a zone: compliant, or suspended, from a date.
 *
 * @param decisionRef the reference of the decision (e.g. the KP Chair's communication)
 */
public record RecordZoneDecisionCommand(
    @TargetAggregateIdentifier @NotBlank String zoneId,
    @NotNull ZoneStatus status,
    @NotNull LocalDate effectiveFrom,
    @NotBlank @Size(max = 200) String decisionRef) {}
