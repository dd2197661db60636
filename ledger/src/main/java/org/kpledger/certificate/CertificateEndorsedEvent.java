package org.kpledger.certificate;

import org.axonframework.serialization.Revision;

/** A certificate field was corrected by endorsement. */
@Revision("1")
public record CertificateEndorsedEvent(
    String certificateNumber,
    EndorsableField field,
    String previousValue,
    String correctedValue,
    String reason) {}
