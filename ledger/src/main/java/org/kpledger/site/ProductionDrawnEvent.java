package org.kpledger.site;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A lot's carats were drawn on the site's recorded production. */
@Revision("1")
public record ProductionDrawnEvent(String siteId, String lotId, BigDecimal carats) {}
