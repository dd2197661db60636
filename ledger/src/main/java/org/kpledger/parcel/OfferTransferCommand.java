package org.kpledger.parcel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The holder offers an item to another party, naming the seal or bag it travels in.
 *
 * @param fieldDate the day (Bangui) the holder handed the item over in the field; optional, the
 *     record day when absent; not after the record day, not before the item's previous custody step
 *     ({@link org.kpledger.custody.FieldDate})
 */
public record OfferTransferCommand(
    @TargetAggregateIdentifier @NotBlank String parcelId,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,80}") String transferId,
    @NotBlank String toParty,
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_./-]{1,80}") String sealId,
    LocalDate fieldDate) {}
