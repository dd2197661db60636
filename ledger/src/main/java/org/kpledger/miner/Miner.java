package org.kpledger.miner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.licence.LicenceKind;

/** A registered artisanal miner. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
public class Miner {
  @AggregateIdentifier private String minerId;
  private String patenteNumber;
  private String siteId;
  private String zoneId;

  /** For Axon. */
  protected Miner() {}

  /**
   * Registers the miner: the patente must be a patente issued to this miner; the site must exist.
   */
  @CommandHandler
  public Miner(RegisterMinerCommand command, CustodyFacts facts) {
    CustodyFacts.LicenceFacts patente =
        facts
            .licence(command.patenteNumber())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_LICENCE",
                        "patenteNumber",
                        "no licence " + command.patenteNumber() + " was issued"));
    require(
        LicenceKind.PATENTE.name().equals(patente.kind())
            && patente.holderId().equals(command.minerId()),
        "LICENCE_NOT_HELD",
        "patenteNumber",
        "licence " + command.patenteNumber() + " is not a patente issued to " + command.minerId());
    CustodyFacts.SiteFacts site =
        facts
            .site(command.siteId())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_SITE",
                        "siteId",
                        "no site " + command.siteId() + " is registered"));
    apply(
        new MinerRegisteredEvent(
            command.minerId(),
            command.fullName(),
            command.identityDocument(),
            command.patenteNumber(),
            site.siteId(),
            site.zoneId(),
            command.gps()));
  }

  /** The miner works under a new patente, which must be a patente issued to this miner. */
  @CommandHandler
  public void handle(RenewPatenteCommand command, CustodyFacts facts) {
    require(
        !command.patenteNumber().equals(patenteNumber),
        "PATENTE_UNCHANGED",
        "patenteNumber",
        "miner " + minerId + " already works under " + patenteNumber);
    requirePatenteOf(minerId, command.patenteNumber(), facts);
    apply(new PatenteRenewedEvent(minerId, patenteNumber, command.patenteNumber()));
  }

  private static void requirePatenteOf(String minerId, String number, CustodyFacts facts) {
    CustodyFacts.LicenceFacts patente =
        facts
            .licence(number)
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_LICENCE",
                        "patenteNumber",
                        "no licence " + number + " was issued"));
    require(
        LicenceKind.PATENTE.name().equals(patente.kind()) && patente.holderId().equals(minerId),
        "LICENCE_NOT_HELD",
        "patenteNumber",
        "licence " + number + " is not a patente issued to " + minerId);
  }

  @EventSourcingHandler
  void on(PatenteRenewedEvent event) {
    patenteNumber = event.patenteNumber();
  }

  @EventSourcingHandler
  void on(MinerRegisteredEvent event) {
    minerId = event.minerId();
    patenteNumber = event.patenteNumber();
    siteId = event.siteId();
    zoneId = event.zoneId();
  }

  /** What other aggregates may know of this miner. */
  public CustodyFacts.MinerFacts facts() {
    return new CustodyFacts.MinerFacts(minerId, patenteNumber, siteId, zoneId);
  }
}
