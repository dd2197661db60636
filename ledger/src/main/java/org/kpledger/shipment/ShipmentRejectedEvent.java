package org.kpledger.shipment;

import org.axonframework.serialization.Revision;

/** The Monitoring Team rejected the shipment. */
@Revision("1")
public record ShipmentRejectedEvent(String shipmentId, String reason) {}
