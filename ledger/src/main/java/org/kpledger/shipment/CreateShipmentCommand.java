package org.kpledger.shipment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kpledger.parcel.ParcelContribution;

/** Internal: records a proposal once its parcels are assigned to it. */
public record CreateShipmentCommand(
    @TargetAggregateIdentifier String shipmentId,
    String exporterLicence,
    Importer importer,
    List<ParcelContribution> parcels,
    LocalDate proposedOn) {}
