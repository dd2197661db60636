package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A seal was opened; the parcel must be valued and sealed again before it can be exported. */
@Revision("1")
public record SealOpenedEvent(String parcelId, String sealId, String reason) {}
