package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A parcel was exported under a KP certificate. */
@Revision("1")
public record ParcelExportedEvent(String parcelId, String shipmentId, String certificateNumber) {}
