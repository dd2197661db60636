package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiver accepts an offered transfer; custody passes to them.
 *
 * @param receiverLicence the receiver's own licence of the kind its role requires: a collector's
 *     agrément, a buying office's export licence, in force on the day it accepts
 */
public record AcceptTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank String transferId,
    @NotBlank String receiverLicence) {}
