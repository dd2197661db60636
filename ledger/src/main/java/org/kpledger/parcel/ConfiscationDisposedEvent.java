package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A confiscation was disposed of. */
@Revision("1")
public record ConfiscationDisposedEvent(
    String parcelId, Disposition disposition, String reason, String holder) {}
