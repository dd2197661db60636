package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A declared stockpile item entered custody; {@code quarantineReason} is non-null when it was
 * acquired on a day its zone's recorded history does not show compliant (during the suspension, or
 * before it), or has no documented origin.
 */
@Revision("1")
public record StockpileItemDeclaredEvent(
    String parcelId,
    String stockpileId,
    String holder,
    BigDecimal carats,
    String zoneId,
    LocalDate acquiredOn,
    String description,
    String quarantineReason) {}
