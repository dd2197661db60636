package org.kpledger.certificate;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpledger.shipment.ShipmentDetails;

/** Internal: creates the certificate with what the certified shipment states. */
record CreateCertificateCommand(
    @TargetAggregateIdentifier String certificateNumber,
    ShipmentDetails shipment,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String hsCode) {}
