package org.kpledger.parcel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: a parcel left the country with its certified shipment. */
public record MarkExportedCommand(
    @TargetAggregateIdentifier String parcelId, String shipmentId, String certificateNumber) {}
