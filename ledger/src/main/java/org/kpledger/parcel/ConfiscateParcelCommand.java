package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An authority confiscates an item. */
public record ConfiscateParcelCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank @Size(max = 100) String confiscationRef,
    @NotBlank @Size(max = 500) String reason) {}
