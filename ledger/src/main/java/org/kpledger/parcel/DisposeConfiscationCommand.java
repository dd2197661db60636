package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The authority decides what becomes of a confiscated item. */
public record DisposeConfiscationCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotNull Disposition disposition,
    @NotBlank @Size(max = 500) String reason) {}
