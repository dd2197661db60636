package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
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
import org.junit.jupiter.api.Test;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * CA rollover on a running node: an organisation's second CA certificate, added to the trust
 * directory beside the first, is trusted from its actors' first request; the first CA's actors keep
 * working; each CA's CRL revokes only the certificates that CA issued.
 */
class CaRolloverEnrolmentTest extends ReadTestBase {
  private static final String ORG = "BO-ROLLOVER";
  private static final String TARGET = "/api/projections";
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Path trust = DATA.resolve("trust");

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

  private Answer read(TestPki.TestActor a) {
    return send(
        "GET",
        TARGET,
        SignedRequest.headers("GET", TARGET, Instant.now(), a.certificate(), a.key()));
  }

  private void publish(TestPki.TestActor by, X509CRL crl) throws Exception {
    Map<String, Object> payload = new HashMap<>();
    payload.put("crl", Base64.getEncoder().encodeToString(crl.getEncoded()));
    Answer a = post(Envelopes.sign(by, "PublishRevocationList", JSON.valueToTree(payload)));
    assertThat(a.status()).as("CRL published by " + by.actorId() + ": " + a.body()).isEqualTo(200);
  }

  private void enrol(String file, OrganisationCa ca) throws Exception {
    Files.writeString(trust.resolve(file), Pem.writeCertificate(ca.certificate()));
  }

  @Test
  void aSecondCaEnrolledAtRuntimeIsTrustedBesideTheFirstAndEachCrlRevokesOnlyItsOwnCertificates()
      throws Exception {
    OrganisationCa first =
        OrganisationCa.create(
            ORG,
            OrganisationType.BUYING_OFFICE,
            "Rollover",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)));
    enrol(ORG + ".pem", first);
    TestPki.TestActor oldBuyer = actor(first, "roll-old");
    TestPki.TestActor oldVictim = actor(first, "roll-old-victim");
    assertThat(read(oldBuyer).status()).as(read(oldBuyer).body().toString()).isEqualTo(200);

    OrganisationCa second =
        first.rollover(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    TestPki.TestActor newBuyer = actor(second, "roll-new");
    TestPki.TestActor newVictim = actor(second, "roll-new-victim");
    problem(read(newBuyer), 401, "BAD_CERTIFICATE_SIGNATURE", SignedRequest.CERTIFICATE);

    enrol(ORG + "-2.pem", second);
    assertThat(read(newBuyer).status()).as(read(newBuyer).body().toString()).isEqualTo(200);
    assertThat(read(oldBuyer).status()).isEqualTo(200);
    assertThat(read(newVictim).status()).isEqualTo(200);

    // The first CA's CRL names the serials of a certificate of each CA: only its own is revoked.
    Map<BigInteger, Instant> both = new HashMap<>();
    both.put(oldVictim.certificate().getSerialNumber(), now.minus(Duration.ofMinutes(2)));
    both.put(newVictim.certificate().getSerialNumber(), now.minus(Duration.ofMinutes(2)));
    publish(
        oldBuyer,
        first.issueRevocationList(
            both, now.minus(Duration.ofSeconds(50)), now.plus(Duration.ofDays(30))));
    problem(read(oldVictim), 401, "CERTIFICATE_REVOKED", SignedRequest.CERTIFICATE);
    assertThat(read(newVictim).status()).as(read(newVictim).body().toString()).isEqualTo(200);

    publish(
        newBuyer,
        second.issueRevocationList(
            Map.of(newVictim.certificate().getSerialNumber(), now.minus(Duration.ofMinutes(2))),
            now.minus(Duration.ofSeconds(40)),
            now.plus(Duration.ofDays(30))));
    problem(read(newVictim), 401, "CERTIFICATE_REVOKED", SignedRequest.CERTIFICATE);
    problem(read(oldVictim), 401, "CERTIFICATE_REVOKED", SignedRequest.CERTIFICATE);
    assertThat(read(oldBuyer).status()).isEqualTo(200);
    assertThat(read(newBuyer).status()).isEqualTo(200);
  }

  @Test
  void aCrlSignedByAKeyTheOrganisationNeverEnrolledIsRefused() throws Exception {
    OrganisationCa ca =
        OrganisationCa.create(
            ORG + "-X",
            OrganisationType.BUYING_OFFICE,
            "Rollover X",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)));
    enrol(ORG + "-X.pem", ca);
    TestPki.TestActor buyer = actor(ca, "roll-x");
    OrganisationCa unenrolled =
        ca.rollover(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    X509CRL crl =
        unenrolled.issueRevocationList(
            Map.of(), now.minus(Duration.ofSeconds(10)), now.plus(Duration.ofDays(1)));
    Map<String, Object> payload = new HashMap<>();
    payload.put("crl", Base64.getEncoder().encodeToString(crl.getEncoded()));
    JsonNode body = JSON.valueToTree(payload);
    assertThat(read(buyer).status()).isEqualTo(200);
    refused(Envelopes.sign(buyer, "PublishRevocationList", body), 401, "BAD_CRL_SIGNATURE");
  }

  @Test
  void aSecondCaNamingAnotherTypeIsRefusedAndTheNodeKeepsTrustingWhatItTrusted() throws Exception {
    OrganisationCa ca =
        OrganisationCa.create(
            ORG + "-T",
            OrganisationType.BUYING_OFFICE,
            "Rollover T",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)));
    enrol(ORG + "-T.pem", ca);
    TestPki.TestActor buyer = actor(ca, "roll-t");
    assertThat(read(buyer).status()).isEqualTo(200);
    OrganisationCa wrongType =
        OrganisationCa.create(
            ORG + "-T",
            OrganisationType.KP_AUTHORITY,
            "Rollover T",
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(365)));
    TestPki.TestActor impostor =
        new TestPki.TestActor(
            "roll-t-kp",
            wrongType.issueActorCertificate(
                "roll-t-kp",
                Role.REGISTRAR,
                EcdsaP256.generateKeyPair().getPublic(),
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1))),
            EcdsaP256.generateKeyPair().getPrivate());
    Path bad = trust.resolve(ORG + "-T-2.pem");
    try {
      enrol(bad.getFileName().toString(), wrongType);
      problem(read(impostor), 401, "UNKNOWN_ISSUER", SignedRequest.CERTIFICATE);
      assertThat(read(buyer).status()).as(read(buyer).body().toString()).isEqualTo(200);
    } finally {
      Files.delete(bad);
    }
  }
}
