package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A custody transfer was offered by the holder. */
@Revision("1")
public record TransferOfferedEvent(
    String parcelId, String transferId, String fromParty, String toParty, String sealId) {}
