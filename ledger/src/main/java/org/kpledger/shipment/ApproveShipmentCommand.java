package org.kpledger.shipment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Monitoring Team approves a proposed shipment. */
public record ApproveShipmentCommand(
    @TargetAggregateIdentifier @NotBlank String shipmentId,
    @NotBlank @Size(max = 200) String decisionRef) {}
