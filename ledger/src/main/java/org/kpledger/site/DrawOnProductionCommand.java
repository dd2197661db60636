package org.kpledger.site;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: a purchase slip draws its carats on the production its miner declared at the site. Sent
 * by the purchase handler in the same unit of work as the lot it creates; never accepted from a
 * client.
 *
 * @param minerId the miner who sold the stones
 * @param occurredAt the purchase's field date: only production declared for that Bangui day or
 *     earlier backs it
 */
public record DrawOnProductionCommand(
    @TargetAggregateIdentifier String siteId,
    String lotId,
    String minerId,
    BigDecimal carats,
    Instant occurredAt) {}
