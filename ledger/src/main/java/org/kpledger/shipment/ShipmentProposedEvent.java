package org.kpledger.shipment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.kpledger.parcel.Origin;

/** A shipment was proposed with these parcels, totals and origins. */
@Revision("1")
public record ShipmentProposedEvent(
    String shipmentId,
    String exporter,
    String exporterLicence,
    Importer importer,
    List<String> parcelIds,
    BigDecimal carats,
    BigDecimal valueUsd,
    List<Origin> origins,
    LocalDate proposedOn) {}
