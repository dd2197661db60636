package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A valued parcel is sealed in a tamper-evident bag. */
public record SealParcelCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_./-]{1,80}") String sealId) {}
