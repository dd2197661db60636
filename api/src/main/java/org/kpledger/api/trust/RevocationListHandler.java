package org.kpledger.api.trust;

import java.security.cert.X509CRL;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.revocation.RevocationListPublishedEvent;
import org.springframework.stereotype.Component;

/**
 * Brings a revocation list this node records into the {@link TrustRoot}. It runs in the subscribing
 * processor {@value TrustProcessing#GROUP}, in the thread that commits the command, and applies the
 * list once the outermost unit of work (the command's, or its batch's) has committed: before the
 * command is acknowledged, so a certificate it revokes is refused from the next request on, and
 * never for a unit of work that rolls back, so a refused command or batch leaves trust unchanged.
 */
@Component
@ProcessingGroup(TrustProcessing.GROUP)
class RevocationListHandler {
  private final TrustRoot trust;

  RevocationListHandler(TrustRoot trust) {
    this.trust = trust;
  }

  @EventHandler
  void on(RevocationListPublishedEvent event, @SequenceNumber long sequence, UnitOfWork<?> work) {
    // parsed now, so a list that cannot be read fails its command instead of its acknowledgement
    X509CRL crl = TrustRoot.parseCrl(event.crl());
    work.afterCommit(u -> trust.recorded(event.organisationId(), sequence, crl));
  }
}
