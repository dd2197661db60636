package org.kpledger.certificate;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: the certified shipment is exported under this certificate. */
public record RecordCertificateExportCommand(
    @TargetAggregateIdentifier String certificateNumber, String shipmentId, LocalDate exportedOn) {}
