package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A forensic auditor releases a quarantined stockpile item, citing the Monitoring Team criteria.
 */
public record ClearQuarantineCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank @Size(max = 100) String auditReference,
    @NotBlank @Size(max = 1000) String criteria) {}
