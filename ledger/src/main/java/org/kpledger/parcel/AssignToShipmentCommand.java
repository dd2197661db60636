package org.kpledger.parcel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: a sealed, valued parcel is put into a proposed shipment. */
public record AssignToShipmentCommand(
    @TargetAggregateIdentifier String parcelId, String shipmentId) {}
