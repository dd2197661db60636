package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The receiver accepts an offered transfer; custody passes to them.
 *
 * @param receiverLicence the receiver's own licence of the kind its role requires: a collector's
 *     agrément, a buying office's export licence, in force on the field date
 * @param fieldDate the day (Bangui) the receiver took the item in the field; optional, the record
 *     day when absent; not after the record day, not before the offer's field date ({@link
 *     org.kpledger.custody.FieldDate})
 */
public record AcceptTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank String transferId,
    @NotBlank String receiverLicence,
    LocalDate fieldDate) {}
