package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder withdraws a transfer offer not yet accepted. */
public record CancelTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId, @NotBlank String transferId) {}
