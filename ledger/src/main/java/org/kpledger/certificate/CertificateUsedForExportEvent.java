package org.kpledger.certificate;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The shipment left under this certificate, while it was valid. */
@Revision("1")
public record CertificateUsedForExportEvent(
    String certificateNumber, String shipmentId, LocalDate exportedOn) {}
