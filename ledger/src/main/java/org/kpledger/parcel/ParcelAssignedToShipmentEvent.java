package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A parcel was put into a shipment and can no longer move on its own. */
@Revision("1")
public record ParcelAssignedToShipmentEvent(String parcelId, String shipmentId) {}
