package org.kpledger.stockpile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A declared stockpile; its items are custody items of their own. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
class Stockpile {
  @AggregateIdentifier private String stockpileId;

  /** For Axon. */
  protected Stockpile() {}

  /** Records the declaration. */
  @CommandHandler
  public Stockpile(RecordStockpileCommand c) {
    apply(
        new StockpileDeclaredEvent(
            c.stockpileId(), c.holder(), c.declaredOn(), c.location(), c.itemIds()));
  }

  @EventSourcingHandler
  void on(StockpileDeclaredEvent e) {
    stockpileId = e.stockpileId();
  }
}
