package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A parcel was sealed. */
@Revision("1")
public record ParcelSealedEvent(String parcelId, String sealId) {}
