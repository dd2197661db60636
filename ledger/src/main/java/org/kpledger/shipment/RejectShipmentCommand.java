package org.kpledger.shipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The Monitoring Team rejects a proposed shipment; its parcels return to the exporter. */
public record RejectShipmentCommand(
    @NotBlank String shipmentId, @NotBlank @Size(max = 1000) String reason) {}
