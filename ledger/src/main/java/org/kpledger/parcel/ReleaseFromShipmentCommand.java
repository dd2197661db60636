package org.kpledger.parcel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: a rejected shipment gives its parcels back to the exporter. */
public record ReleaseFromShipmentCommand(
    @TargetAggregateIdentifier String parcelId, String shipmentId) {}
