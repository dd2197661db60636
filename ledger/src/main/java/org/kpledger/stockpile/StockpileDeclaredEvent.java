package org.kpledger.stockpile;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A stockpile was declared with the given items. */
@Revision("1")
public record StockpileDeclaredEvent(
    String stockpileId,
    String holder,
    LocalDate declaredOn,
    String location,
    List<String> itemIds) {}
