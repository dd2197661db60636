package org.kpledger.stockpile;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.kpledger.custody.Actor;
import org.kpledger.custody.InternalCommands;
import org.kpledger.parcel.CreateStockpileItemCommand;

/** Declares a stockpile: every item enters custody, then the stockpile is recorded. */
public class StockpileHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public StockpileHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Returns the stockpile id. */
  @CommandHandler
  public String handle(DeclareStockpileCommand c, Actor actor) {
    String holder = actor.party();
    for (StockpileItem item : c.items()) {
      internal.send(
          new CreateStockpileItemCommand(
              item.parcelId(),
              c.stockpileId(),
              holder,
              item.carats(),
              item.zoneId(),
              item.acquiredOn(),
              item.description()));
    }
    List<String> ids = c.items().stream().map(StockpileItem::parcelId).toList();
    internal.send(
        new RecordStockpileCommand(c.stockpileId(), holder, c.declaredOn(), c.location(), ids));
    return c.stockpileId();
  }
}
