package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A parcel left a rejected shipment. */
@Revision("1")
public record ParcelReleasedFromShipmentEvent(String parcelId, String shipmentId) {}
