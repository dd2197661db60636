package org.kpledger.site;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Production was entered in a site's register. */
@Revision("1")
public record ProductionRecordedEvent(
    String siteId,
    String entryId,
    String minerId,
    BigDecimal carats,
    int stoneCount,
    Instant occurredAt) {}
