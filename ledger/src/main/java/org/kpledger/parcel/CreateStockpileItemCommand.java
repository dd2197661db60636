package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: an item of a declared stockpile becomes a custody item. */
public record CreateStockpileItemCommand(
    @TargetAggregateIdentifier String parcelId,
    String stockpileId,
    String holder,
    BigDecimal carats,
    String zoneId,
    LocalDate acquiredOn,
    String description) {}
