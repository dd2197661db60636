package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.kpledger.api.Envelopes;
import org.kpledger.api.ReadTestBase;
import org.kpledger.api.TestPki;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.revocation.PublishRevocationListCommand;
import org.kpledger.signing.EcdsaP256;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A revocation list reaches the trust root when the unit of work that records it commits, whether
 * it is a command's own or a batch's (issue #18): a batch holding a revocation that rolls back
 * leaves trust unchanged, and one that commits revokes before it is acknowledged. The batch is run
 * as {@link CommandBatchService} runs one (one unit of work and transaction, each command nested in
 * it): over HTTP a batch refuses a revocation list ({@code NOT_IN_A_BATCH}).
 */
class RevocationThroughABatchTest extends ReadTestBase {
  private static final String TARGET = "/api/projections";
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Autowired private EnvelopeVerifier verifier;
  @Autowired private CommandService single;
  @Autowired private CommandGateway gateway;
  @Autowired private TransactionManager transactions;
  @Autowired private TrustRoot trust;

  @Test
  void aRevocationInABatchThatRollsBackRevokesNothing() throws Exception {
    OrganisationCa ca = enrolled("BO-CRL-ROLLBACK");
    TestPki.TestActor buyer = actor(ca, "crl-rb-buyer");
    TestPki.TestActor victim = actor(ca, "crl-rb-victim");
    assertThat(read(victim).status()).isEqualTo(200);
    X509CRL crl = revoking(ca, victim, 50);

    // the same list twice: the second is STALE_CRL, a custody rule, and the batch rolls back
    UnitOfWork<?> batch = batch();
    try {
      gateway.sendAndWait(revocation(buyer, crl));
      assertThatThrownBy(() -> gateway.sendAndWait(revocation(buyer, crl)))
          .isInstanceOfSatisfying(
              CustodyRuleViolation.class, e -> assertThat(e.reasonCode()).isEqualTo("STALE_CRL"));
    } finally {
      endIfOpen(batch);
    }

    assertThat(read(victim).status()).as(read(victim).body().toString()).isEqualTo(200);
    assertThat(trust.authenticator().crlNumber(ca.organisationId())).isEmpty();
  }

  /**
   * The trust handler sees a batch's events while the batch commits, before its transaction does: a
   * batch failing there, after the handler ran, must still revoke nothing.
   */
  @Test
  void aRevocationInABatchWhoseCommitFailsRevokesNothing() throws Exception {
    OrganisationCa ca = enrolled("BO-CRL-FAILED");
    TestPki.TestActor buyer = actor(ca, "crl-f-buyer");
    TestPki.TestActor victim = actor(ca, "crl-f-victim");
    assertThat(read(victim).status()).isEqualTo(200);

    UnitOfWork<?> batch = batch();
    try {
      gateway.sendAndWait(revocation(buyer, revoking(ca, victim, 50)));
      // runs after the event bus handed the batch's events to the subscribing handlers
      batch.onPrepareCommit(
          u -> {
            throw new IllegalStateException("the batch's transaction cannot commit");
          });
      assertThatThrownBy(batch::commit).hasMessageContaining("cannot commit");
    } finally {
      endIfOpen(batch);
    }

    assertThat(read(victim).status()).as(read(victim).body().toString()).isEqualTo(200);
    assertThat(trust.authenticator().crlNumber(ca.organisationId())).isEmpty();
  }

  @Test
  void aRevocationInABatchRevokesOnceTheBatchCommits() throws Exception {
    OrganisationCa ca = enrolled("BO-CRL-BATCH");
    TestPki.TestActor buyer = actor(ca, "crl-b-buyer");
    TestPki.TestActor victim = actor(ca, "crl-b-victim");
    assertThat(read(victim).status()).isEqualTo(200);

    UnitOfWork<?> batch = batch();
    try {
      gateway.sendAndWait(revocation(buyer, revoking(ca, victim, 50)));
      // recorded, not yet committed: nothing is revoked for a batch that may still roll back
      assertThat(trust.authenticator().crlNumber(ca.organisationId())).isEmpty();
      batch.commit();
    } finally {
      endIfOpen(batch);
    }

    // at once, with no wait: the batch's answer is sent only after its commit returns
    problem(read(victim), 401, "CERTIFICATE_REVOKED", SignedRequest.CERTIFICATE);
    refused(
        Envelopes.sign(victim, "PublishRevocationList", crlPayload(revoking(ca, victim, 40))),
        401,
        "CERTIFICATE_REVOKED");
    assertThat(read(buyer).status()).isEqualTo(200);
  }

  /** Rolls a batch back unless it committed, as {@link CommandBatchService} does on a refusal. */
  private static void endIfOpen(UnitOfWork<?> batch) {
    if (batch.isActive() && batch.phase().isBefore(UnitOfWork.Phase.ROLLBACK)) {
      batch.rollback();
    }
  }

  private UnitOfWork<?> batch() {
    UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command batch"));
    batch.resources().put(ReceiptInterceptor.BATCH, Boolean.TRUE);
    batch.attachTransaction(transactions);
    return batch;
  }

  /**
   * The message {@link CommandService} sends for a signed revocation list, checked as it checks.
   */
  private Object revocation(TestPki.TestActor by, X509CRL crl) throws Exception {
    VerifiedCommand c =
        verifier.verify(Envelopes.sign(by, "PublishRevocationList", crlPayload(crl)));
    RevocationListCheck check = new RevocationListCheck(trust);
    PublishRevocationListCommand p = (PublishRevocationListCommand) c.payload();
    return single.message(c, check.complete(p, check.verify(p, c.actor()), c.actor()));
  }

  private OrganisationCa enrolled(String org) throws Exception {
    OrganisationCa ca =
        OrganisationCa.create(
            org,
            OrganisationType.BUYING_OFFICE,
            org,
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)));
    Path trustDir = DATA.resolve("trust");
    Files.writeString(trustDir.resolve(org + ".pem"), Pem.writeCertificate(ca.certificate()));
    return ca;
  }

  private TestPki.TestActor actor(OrganisationCa ca, String id) {
    KeyPair keys = EcdsaP256.generateKeyPair();
    return new TestPki.TestActor(
        id,
        ca.issueActorCertificate(
            id,
            Role.BUYER,
            keys.getPublic(),
            now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofDays(30))),
        keys.getPrivate());
  }

  private X509CRL revoking(OrganisationCa ca, TestPki.TestActor victim, int secondsAgo) {
    return ca.issueRevocationList(
        Map.of(victim.certificate().getSerialNumber(), now.minus(Duration.ofMinutes(2))),
        now.minus(Duration.ofSeconds(secondsAgo)),
        now.plus(Duration.ofDays(30)));
  }

  private static com.fasterxml.jackson.databind.JsonNode crlPayload(X509CRL crl) throws Exception {
    Map<String, Object> payload = new HashMap<>();
    payload.put("crl", Base64.getEncoder().encodeToString(crl.getEncoded()));
    return JSON.valueToTree(payload);
  }

  private Answer read(TestPki.TestActor a) {
    return send(
        "GET",
        TARGET,
        SignedRequest.headers("GET", TARGET, Instant.now(), a.certificate(), a.key()));
  }
}
