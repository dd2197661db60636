package org.kpledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Role;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.signing.EcdsaP256;

/**
 * An audit across a CA rollover: events signed under the old CA still verify when the auditor pins
 * both of the organisation's CA certificates ("kept for the past"), and pinning only the new one
 * names the old CA and the events it vouched for.
 */
class CaRolloverAuditTest {
  @TempDir Path dir;
  private final TestLog log = new TestLog();
  private final OrganisationCa rolled =
      log.ca.rollover(log.now.minus(Duration.ofDays(1)), log.now.plus(Duration.ofDays(900)));
  private final KeyPair newKeys = EcdsaP256.generateKeyPair();
  private final X509Certificate newActor =
      rolled.issueActorCertificate(
          "buyer-t",
          Role.BUYER,
          newKeys.getPublic(),
          log.now.minus(Duration.ofHours(12)),
          log.now.plus(Duration.ofDays(30)));

  private AuditReport verify(Path bundle, X509Certificate... pinned) throws Exception {
    return new BundleVerifier(
            new BundleVerifier.Options(
                Optional.of(log.verifierKey()),
                Optional.of(TrustAnchors.of(List.of(pinned))),
                Optional.empty(),
                false,
                2))
        .verify(bundle);
  }

  @Test
  void aBundleWithEventsOfTheOldAndTheNewCaVerifiesWithBothCasPinned() throws Exception {
    log.moreCas.add(rolled.certificate());
    log.event();
    log.event(newActor, newKeys, log.now);
    log.event();
    AuditReport report = verify(log.write(dir, true), rolled.certificate(), log.ca.certificate());
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().events()).isEqualTo(3);
  }

  @Test
  void pinningOnlyTheNewCaNamesTheOldCaAndTheEventsItVouchedFor() throws Exception {
    log.moreCas.add(rolled.certificate());
    String old = log.event();
    String fresh = log.event(newActor, newKeys, log.now);
    AuditReport report = verify(log.write(dir, true), rolled.certificate());
    assertThat(report.has(Rule.TRUST_ANCHOR_MISMATCH, "organisation:BO-T")).isTrue();
    assertThat(report.has(Rule.CERTIFICATE_NOT_TRUSTED, "event:" + old)).isTrue();
    assertThat(report.findings()).noneMatch(f -> f.subject().equals("event:" + fresh));
  }

  @Test
  void theNewCaCannotVouchForAnEventItsActorSignedBeforeItsValidity() throws Exception {
    String early = log.event(newActor, newKeys, log.now.minus(Duration.ofDays(2)));
    log.moreCas.add(rolled.certificate());
    AuditReport report = verify(log.write(dir, true), rolled.certificate(), log.ca.certificate());
    assertThat(report.findings()).anyMatch(f -> f.subject().equals("event:" + early));
  }
}
