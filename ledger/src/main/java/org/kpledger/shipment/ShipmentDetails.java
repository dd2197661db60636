package org.kpledger.shipment;

import java.math.BigDecimal;
import java.util.List;

/** What a KP certificate states about the shipment it covers. */
public record ShipmentDetails(
    String shipmentId,
    String exporter,
    Importer importer,
    BigDecimal carats,
    BigDecimal valueUsd,
    List<String> parcelIds,
    String certificateNumber) {}
