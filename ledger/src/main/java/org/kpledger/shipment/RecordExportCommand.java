package org.kpledger.shipment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: records the export; returns the shipment's details. */
public record RecordExportCommand(
    @TargetAggregateIdentifier String shipmentId, LocalDate exportedOn) {}
