package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** Custody passed from one party to another. */
@Revision("1")
public record TransferAcceptedEvent(
    String parcelId, String transferId, String fromParty, String toParty, String sealId) {}
