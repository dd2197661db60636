package org.kpledger.shipment;

import jakarta.validation.constraints.NotBlank;

/** The exporter ships a certified shipment. */
public record ExportShipmentCommand(@NotBlank String shipmentId) {}
