package org.kpledger.shipment;

import org.axonframework.serialization.Revision;

/** The Monitoring Team approved the shipment. */
@Revision("1")
public record ShipmentApprovedEvent(String shipmentId, String decisionRef) {}
