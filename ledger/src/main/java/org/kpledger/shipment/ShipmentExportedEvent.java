package org.kpledger.shipment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The shipment left the country. */
@Revision("1")
public record ShipmentExportedEvent(
    String shipmentId, String certificateNumber, LocalDate exportedOn) {}
