package org.kpledger.parcel;

import org.axonframework.serialization.Revision;

/** A quarantined item was released by a forensic-audit clearance. */
@Revision("1")
public record QuarantineClearedEvent(String parcelId, String auditReference, String criteria) {}
