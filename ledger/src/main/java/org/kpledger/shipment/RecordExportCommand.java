package org.kpledger.shipment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpledger.custody.FieldDate;

/**
 * Internal: records the export; returns the shipment's details.
 *
 * @param exported the export's field date and record day
 */
public record RecordExportCommand(
    @TargetAggregateIdentifier String shipmentId, FieldDate exported) {}
