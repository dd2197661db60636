package org.kpledger.shipment;

import org.axonframework.serialization.Revision;

/** The shipment was certified under a KP certificate. */
@Revision("1")
public record ShipmentCertifiedEvent(String shipmentId, String certificateNumber) {}
