package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A pending transfer was withdrawn. */
@Revision("1")
public record TransferCancelledEvent(String parcelId, String transferId) {}
