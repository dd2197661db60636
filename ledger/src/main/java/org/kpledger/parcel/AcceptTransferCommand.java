package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The receiver accepts an offered transfer; custody passes to them. */
public record AcceptTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId, @NotBlank String transferId) {}
