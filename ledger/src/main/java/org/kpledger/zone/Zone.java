package org.kpledger.zone;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.LedgerMetaData;

/** A sub-prefecture and its dated compliance history. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
public class Zone implements CustodyFacts.ZoneFacts {
  @AggregateIdentifier private String zoneId;
  private final List<ZoneDecisions.Decision> decisions = new ArrayList<>();
  private ZoneDecisions rule = ZoneDecisions.of(List.of());

  /** For Axon. */
  protected Zone() {}

  /** Registers the zone. */
  @CommandHandler
  public Zone(RegisterZoneCommand command) {
    apply(new ZoneRegisteredEvent(command.zoneId(), command.name(), command.prefecture()));
  }

  /**
   * Records a Monitoring Team decision. Decisions are kept in the order of their effective dates:
   * one dated before the latest decision would rewrite the past and is refused.
   */
  @CommandHandler
  public void handle(RecordZoneDecisionCommand command) {
    if (!decisions.isEmpty()) {
      LocalDate last = decisions.get(decisions.size() - 1).effectiveFrom();
      require(
          command.effectiveFrom().isAfter(last),
          "ZONE_DECISION_OUT_OF_ORDER",
          "effectiveFrom",
          "zone "
              + zoneId
              + " already has a decision effective "
              + last
              + "; a new decision must take effect after it");
    }
    apply(
        new ZoneDecisionRecordedEvent(
            zoneId, command.status(), command.effectiveFrom(), command.decisionRef()));
  }

  @EventSourcingHandler
  void on(ZoneRegisteredEvent event) {
    this.zoneId = event.zoneId();
  }

  @EventSourcingHandler
  void on(ZoneDecisionRecordedEvent event, MetaData meta, @Timestamp Instant timestamp) {
    decisions.add(ZoneDecisions.Decision.of(event, LedgerMetaData.recordedAt(meta, timestamp)));
    rule = ZoneDecisions.of(decisions);
  }

  @Override
  public String zoneId() {
    return zoneId;
  }

  /** By the one rule of {@link ZoneDecisions}. */
  @Override
  public boolean compliantOn(LocalDate date) {
    return rule.on(date).compliant();
  }

  /** The zone as the ledger knew it at {@code instant} ({@link ZoneDecisions#asKnownAt}). */
  @Override
  public CustodyFacts.ZoneFacts asKnownAt(Instant instant) {
    return known(zoneId, rule.asKnownAt(instant));
  }

  private static CustodyFacts.ZoneFacts known(String id, ZoneDecisions known) {
    return new CustodyFacts.ZoneFacts() {
      @Override
      public String zoneId() {
        return id;
      }

      @Override
      public boolean compliantOn(LocalDate date) {
        return known.on(date).compliant();
      }

      @Override
      public CustodyFacts.ZoneFacts asKnownAt(Instant earlier) {
        return known(id, known.asKnownAt(earlier));
      }
    };
  }
}
