package org.kpledger.site;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;

/** A mining site, its production register and what has been sold from it. */
@Aggregate(cache = "aggregateCache")
public class Site {
  @AggregateIdentifier private String siteId;
  private String zoneId;
  private BigDecimal produced = BigDecimal.ZERO;
  private BigDecimal sold = BigDecimal.ZERO;
  private final Set<String> entries = new HashSet<>();

  /** For Axon. */
  protected Site() {}

  /** Registers the site in a registered zone. */
  @CommandHandler
  public Site(RegisterSiteCommand command, CustodyFacts facts) {
    require(
        facts.zone(command.zoneId()).isPresent(),
        "UNKNOWN_ZONE",
        "no zone " + command.zoneId() + " is registered");
    apply(
        new SiteRegisteredEvent(command.siteId(), command.name(), command.zoneId(), command.gps()));
  }

  /** Enters production by a miner registered at this site; each entry id is used once. */
  @CommandHandler
  public void handle(RecordProductionCommand command, CustodyFacts facts) {
    require(
        !entries.contains(command.entryId()),
        "DUPLICATE_PRODUCTION_ENTRY",
        "production entry " + command.entryId() + " is already in the register of " + siteId);
    CustodyFacts.MinerFacts miner =
        facts
            .miner(command.minerId())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_MINER", "no miner " + command.minerId() + " is registered"));
    require(
        siteId.equals(miner.siteId()),
        "MINER_NOT_AT_SITE",
        "miner " + command.minerId() + " is registered at " + miner.siteId() + ", not " + siteId);
    apply(
        new ProductionRecordedEvent(
            siteId,
            command.entryId(),
            command.minerId(),
            command.carats(),
            command.stoneCount(),
            command.occurredAt()));
  }

  /** Draws a purchase on recorded production: cumulative sales never exceed production. */
  @CommandHandler
  public void handle(DrawOnProductionCommand command) {
    BigDecimal after = sold.add(command.carats());
    require(
        after.compareTo(produced) <= 0,
        "SALES_EXCEED_PRODUCTION",
        "site "
            + siteId
            + " has "
            + produced
            + " ct of recorded production and "
            + sold
            + " ct already sold; "
            + command.carats()
            + " ct more would exceed it");
    apply(new ProductionDrawnEvent(siteId, command.lotId(), command.carats()));
  }

  @EventSourcingHandler
  void on(SiteRegisteredEvent event) {
    siteId = event.siteId();
    zoneId = event.zoneId();
  }

  @EventSourcingHandler
  void on(ProductionRecordedEvent event) {
    produced = produced.add(event.carats());
    entries.add(event.entryId());
  }

  @EventSourcingHandler
  void on(ProductionDrawnEvent event) {
    sold = sold.add(event.carats());
  }

  /** What other aggregates may know of this site. */
  public CustodyFacts.SiteFacts facts() {
    return new CustodyFacts.SiteFacts(siteId, zoneId);
  }
}
