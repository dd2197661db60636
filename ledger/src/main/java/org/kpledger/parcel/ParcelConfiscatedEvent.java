package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** An item was confiscated; the authority now holds it. */
@Revision("1")
public record ParcelConfiscatedEvent(
    String parcelId,
    String confiscationRef,
    String reason,
    String previousHolder,
    String authority) {}
