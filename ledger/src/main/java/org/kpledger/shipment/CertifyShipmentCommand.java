package org.kpledger.shipment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: the KP authority certifies an approved shipment; returns what the certificate states.
 */
public record CertifyShipmentCommand(
    @TargetAggregateIdentifier String shipmentId, String certificateNumber) {}
