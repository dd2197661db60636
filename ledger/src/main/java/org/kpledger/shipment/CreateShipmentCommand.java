package org.kpledger.shipment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpledger.custody.FieldDate;
import org.kpledger.parcel.ParcelContribution;

/**
 * Internal: records a proposal once its parcels are assigned to it.
 *
 * @param proposed the proposal's field date and record day
 */
record CreateShipmentCommand(
    @TargetAggregateIdentifier String shipmentId,
    String exporterLicence,
    Importer importer,
    List<ParcelContribution> parcels,
    FieldDate proposed) {}
