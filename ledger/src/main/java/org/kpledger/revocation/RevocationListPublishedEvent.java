package org.kpledger.revocation;

import org.axonframework.serialization.Revision;

/** An organisation's CRL (base64 DER) was ingested. */
@Revision("1")
public record RevocationListPublishedEvent(String organisationId, long crlNumber, String crl) {}
