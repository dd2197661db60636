package org.kpledger.lot;

import org.axonframework.commandhandling.CommandHandler;
import org.kpledger.custody.InternalCommands;
import org.kpledger.parcel.CreateLotCommand;
import org.kpledger.site.DrawOnProductionCommand;

/**
 * Records a purchase slip: creates the lot, then draws its carats on the production its miner
 * declared at the site.
 */
public class PurchaseSlipHandler {
  private final InternalCommands internal;

  /** Sends its internal commands through {@code internal}. */
  public PurchaseSlipHandler(InternalCommands internal) {
    this.internal = internal;
  }

  /** Returns the new lot's id. */
  @CommandHandler
  public String handle(RecordPurchaseCommand c) {
    internal.send(
        new CreateLotCommand(
            c.lotId(),
            c.slipNumber(),
            c.minerId(),
            c.siteId(),
            c.carats(),
            c.stoneCount(),
            c.priceUsd(),
            c.buyerLicence(),
            c.occurredAt()));
    internal.send(
        new DrawOnProductionCommand(
            c.siteId(), c.lotId(), c.minerId(), c.carats(), c.occurredAt()));
    return c.lotId();
  }
}
