package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder offers an item to another party, naming the seal or bag it travels in. */
public record OfferTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String transferId,
    @NotBlank String toParty,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_./-]{1,80}") String sealId) {}
