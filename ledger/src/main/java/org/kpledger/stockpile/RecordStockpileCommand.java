package org.kpledger.stockpile;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: records the stockpile once its items are in custody. */
record RecordStockpileCommand(
    @TargetAggregateIdentifier String stockpileId,
    String holder,
    LocalDate declaredOn,
    String location,
    List<String> itemIds) {}
