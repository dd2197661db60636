package org.kpledger.site;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal: a purchase slip draws its carats on the site's recorded production. Sent by the
 * purchase handler in the same unit of work as the lot it creates; never accepted from a client.
 */
public record DrawOnProductionCommand(
    @TargetAggregateIdentifier String siteId, String lotId, BigDecimal carats) {}
