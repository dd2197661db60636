package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An authorised inspector or auditor opens a parcel's seal, for a stated reason. */
public record OpenSealCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank String sealId,
    @NotBlank @Size(max = 500) String reason) {}
