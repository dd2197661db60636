package org.kpledger.certificate;

import org.axonframework.serialization.Revision;

/** A certificate was voided. */
@Revision("1")
public record CertificateVoidedEvent(String certificateNumber, String reason) {}
