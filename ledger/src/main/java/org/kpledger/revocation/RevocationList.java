package org.kpledger.revocation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The CRLs one organisation has published, in increasing CRL-number order. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
class RevocationList {
  @AggregateIdentifier private String organisationId;
  private long lastNumber = -1;

  /** For Axon. */
  protected RevocationList() {}

  /** Records a CRL newer than the last one. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(PublishRevocationListCommand c) {
    require(
        c.crlNumber() != null && c.crlNumber() > lastNumber,
        "STALE_CRL",
        "crl",
        "CRL number " + c.crlNumber() + " is not newer than " + lastNumber);
    apply(new RevocationListPublishedEvent(c.organisationId(), c.crlNumber(), c.crl()));
  }

  @EventSourcingHandler
  void on(RevocationListPublishedEvent e) {
    organisationId = e.organisationId();
    lastNumber = e.crlNumber();
  }
}
