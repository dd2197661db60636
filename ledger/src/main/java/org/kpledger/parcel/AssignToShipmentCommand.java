package org.kpledger.parcel;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: a sealed, valued parcel is put into a proposed shipment.
 *
 * @param proposedOn the proposal's field date, which may not be before the parcel's previous
 *     custody step
 */
public record AssignToShipmentCommand(
    @TargetAggregateIdentifier String parcelId, String shipmentId, LocalDate proposedOn) {}
