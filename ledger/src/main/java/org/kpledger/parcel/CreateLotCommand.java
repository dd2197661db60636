package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: creates the lot of a purchase slip; sent by the purchase handler, never by a client.
 */
public record CreateLotCommand(
    @TargetAggregateIdentifier String lotId,
    String slipNumber,
    String minerId,
    String siteId,
    BigDecimal carats,
    int stoneCount,
    BigDecimal priceUsd,
    String buyerLicence,
    Instant occurredAt) {}
