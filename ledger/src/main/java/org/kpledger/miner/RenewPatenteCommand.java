package org.kpledger.miner;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A registered miner works under a new patente (a CAR patente is issued for a year): later
 * purchases are checked against it, earlier lots keep the patente they were bought under.
 */
public record RenewPatenteCommand(
    @TargetAggregateIdentifier @NotBlank String minerId, @NotBlank String patenteNumber) {}
