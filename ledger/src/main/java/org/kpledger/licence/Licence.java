package org.kpledger.licence;

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

/** A licence and its dated status history. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
public class Licence implements CustodyFacts.LicenceFacts {
  @AggregateIdentifier private String licenceNumber;
  private LicenceKind kind;
  private String holderId;
  private LocalDate validFrom;
  private LocalDate validUntil;
  private final List<LicenceHistory.Change> changes = new ArrayList<>();

  /** For Axon. */
  protected Licence() {}

  /** Issues the licence; its validity must end after it begins. */
  @CommandHandler
  public Licence(IssueLicenceCommand command) {
    require(
        command.validUntil().isAfter(command.validFrom()),
        "LICENCE_VALIDITY_INVALID",
        "validUntil",
        "a licence must end after it begins (validFrom "
            + command.validFrom()
            + ", validUntil "
            + command.validUntil()
            + ")");
    apply(
        new LicenceIssuedEvent(
            command.licenceNumber(),
            command.kind(),
            command.holderId(),
            command.validFrom(),
            command.validUntil()));
  }

  /**
   * Changes the status from a date. A revoked licence is never reinstated; changes are kept in the
   * order of their effective dates so the past is never rewritten.
   */
  @CommandHandler
  public void handle(ChangeLicenceStatusCommand command) {
    LicenceStatus current = statusOn(LocalDate.MAX);
    require(
        current != LicenceStatus.REVOKED,
        "LICENCE_REVOKED",
        "licenceNumber",
        "licence " + licenceNumber + " is revoked; a revocation is final");
    require(
        command.status() != current,
        "LICENCE_STATUS_UNCHANGED",
        "status",
        "licence " + licenceNumber + " is already " + current);
    if (!changes.isEmpty()) {
      LocalDate last = changes.get(changes.size() - 1).effectiveFrom();
      require(
          !command.effectiveFrom().isBefore(last),
          "LICENCE_CHANGE_OUT_OF_ORDER",
          "effectiveFrom",
          "licence " + licenceNumber + " already changed status on " + last);
    }
    apply(
        new LicenceStatusChangedEvent(
            licenceNumber, command.status(), command.effectiveFrom(), command.reason()));
  }

  @EventSourcingHandler
  void on(LicenceIssuedEvent event) {
    licenceNumber = event.licenceNumber();
    kind = event.kind();
    holderId = event.holderId();
    validFrom = event.validFrom();
    validUntil = event.validUntil();
  }

  @EventSourcingHandler
  void on(LicenceStatusChangedEvent event, MetaData meta, @Timestamp Instant timestamp) {
    changes.add(
        new LicenceHistory.Change(
            event.effectiveFrom(), event.status(), LedgerMetaData.recordedAt(meta, timestamp)));
  }

  private LicenceHistory history() {
    return new LicenceHistory(validFrom, validUntil, changes);
  }

  private LicenceStatus statusOn(LocalDate date) {
    return history().statusOn(date);
  }

  @Override
  public String licenceNumber() {
    return licenceNumber;
  }

  @Override
  public String kind() {
    return kind.name();
  }

  @Override
  public String holderId() {
    return holderId;
  }

  /** By the one rule of {@link LicenceHistory}. */
  @Override
  public boolean validOn(LocalDate date) {
    return history().inForceOn(date);
  }

  /** The licence as the ledger knew it at {@code instant} ({@link LicenceHistory#asKnownAt}). */
  @Override
  public CustodyFacts.LicenceFacts asKnownAt(Instant instant) {
    return known(licenceNumber, kind.name(), holderId, history().asKnownAt(instant));
  }

  private static CustodyFacts.LicenceFacts known(
      String number, String kind, String holder, LicenceHistory known) {
    return new CustodyFacts.LicenceFacts() {
      @Override
      public String licenceNumber() {
        return number;
      }

      @Override
      public String kind() {
        return kind;
      }

      @Override
      public String holderId() {
        return holder;
      }

      @Override
      public boolean validOn(LocalDate date) {
        return known.inForceOn(date);
      }

      @Override
      public CustodyFacts.LicenceFacts asKnownAt(Instant earlier) {
        return known(number, kind, holder, known.asKnownAt(earlier));
      }
    };
  }
}
