package org.kpledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.signing.EcdsaP256;

/** One test per reason code, plus the boundaries that decide between them. */
class CertificateAuthenticatorTest {

  static final Instant T0 = OrganisationCaTest.T0;
  static final Instant T1 = OrganisationCaTest.T1;
  static final Instant NB = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant NA = Instant.parse("2028-01-01T00:00:00Z");
  static final Instant MID = Instant.parse("2027-06-01T00:00:00Z");

  static OrganisationCa bw;
  static OrganisationCa auditor;
  static Rogue.Issuer bwIssuer;
  static X509Certificate valuer;

  @BeforeAll
  static void setUp(@TempDir Path dir) throws Exception {
    bw = OrganisationCaTest.botswana();
    auditor = OrganisationCa.create("audit-co", OrganisationType.AUDITOR, "Audit Co", T0, T1);
    bwIssuer = Rogue.issuerOf(bw, dir);
    valuer =
        bw.issueActorCertificate(
            "valuer-1", Role.VALUER, EcdsaP256.generateKeyPair().getPublic(), NB, NA);
  }

  static CertificateAuthenticator authenticator() {
    return new CertificateAuthenticator(
        TrustAnchors.of(List.of(bw.certificate(), auditor.certificate())));
  }

  static String reason(Runnable action) {
    return catchThrowableOfType(IdentityRejectedException.class, action::run).reasonCode();
  }

  @Test
  void authenticatesAValidActor() {
    ActorIdentity id = authenticator().authenticate(valuer, MID);
    assertThat(id)
        .isEqualTo(
            new ActorIdentity(
                "valuer-1",
                "kp-bw",
                OrganisationType.KP_AUTHORITY,
                Role.VALUER,
                valuer.getSerialNumber(),
                valuer));
    assertThat(authenticator().authenticate(valuer, NB)).as("notBefore is inclusive").isNotNull();
    assertThat(authenticator().authenticate(valuer, NA)).as("notAfter is inclusive").isNotNull();
  }

  @Test
  void unknownIssuer() {
    OrganisationCa foreign =
        OrganisationCa.create("kp-xx", OrganisationType.KP_AUTHORITY, "Elsewhere", T0, T1);
    X509Certificate cert =
        foreign.issueActorCertificate(
            "v", Role.VALUER, EcdsaP256.generateKeyPair().getPublic(), NB, NA);
    assertThat(reason(() -> authenticator().authenticate(cert, MID))).isEqualTo("UNKNOWN_ISSUER");
  }

  @Test
  void badCertificateSignatureFromAnImpostorCaWithTheSameName() {
    OrganisationCa impostor = OrganisationCaTest.botswana();
    X509Certificate cert =
        impostor.issueActorCertificate(
            "valuer-1", Role.VALUER, EcdsaP256.generateKeyPair().getPublic(), NB, NA);
    assertThat(cert.getIssuerX500Principal()).isEqualTo(bw.certificate().getSubjectX500Principal());
    assertThat(reason(() -> authenticator().authenticate(cert, MID)))
        .isEqualTo("BAD_CERTIFICATE_SIGNATURE");
  }

  @Test
  void notYetValidAndExpired() {
    assertThat(reason(() -> authenticator().authenticate(valuer, NB.minusSeconds(1))))
        .isEqualTo("CERTIFICATE_NOT_YET_VALID");
    assertThat(reason(() -> authenticator().authenticate(valuer, NA.plusSeconds(1))))
        .isEqualTo("CERTIFICATE_EXPIRED");
  }

  @Test
  void theIssuingCaMustBeValidToo() throws Exception {
    X509Certificate outlives =
        Rogue.certificate(
            bwIssuer,
            "CN=late,O=kp-bw,OU=BUYER",
            EcdsaP256.generateKeyPair().getPublic(),
            T0.minus(Duration.ofDays(9)),
            T1.plus(Duration.ofDays(9)),
            true);
    IdentityRejectedException e =
        catchThrowableOfType(
            IdentityRejectedException.class,
            () -> authenticator().authenticate(outlives, T1.plusSeconds(1)));
    assertThat(e.reasonCode()).isEqualTo("CERTIFICATE_EXPIRED");
    assertThat(e.getMessage()).contains("issuing CA kp-bw");
    assertThat(reason(() -> authenticator().authenticate(outlives, T0.minusSeconds(1))))
        .isEqualTo("CERTIFICATE_NOT_YET_VALID");
  }

  @Test
  void revokedFromTheRevocationDateOnwardOnly() {
    CertificateAuthenticator auth = authenticator();
    Instant revokedAt = MID;
    auth.ingestRevocationList(
        bw.issueRevocationList(
            Map.of(valuer.getSerialNumber(), revokedAt),
            MID.plusSeconds(60),
            MID.plus(Duration.ofDays(7))));
    assertThat(reason(() -> auth.authenticate(valuer, revokedAt))).isEqualTo("CERTIFICATE_REVOKED");
    assertThat(reason(() -> auth.authenticate(valuer, NA))).isEqualTo("CERTIFICATE_REVOKED");
    assertThat(auth.authenticate(valuer, revokedAt.minusSeconds(1)))
        .as("revoked after `at`: not counted")
        .isNotNull();
  }

  /**
   * The authenticator remembers what a certificate alone decides (its CA, shape and names), never
   * an answer that depends on the instant or on the CRLs: a certificate accepted once is judged
   * afresh at every instant and against every CRL ingested after it was first seen.
   */
  @Test
  void aCertificateAcceptedOnceIsStillJudgedAtEachInstantAndAgainstEachNewCrl() {
    CertificateAuthenticator auth = authenticator();
    assertThat(auth.authenticate(valuer, MID).actorId()).isEqualTo("valuer-1");
    IdentityRejectedException expired =
        catchThrowableOfType(
            IdentityRejectedException.class, () -> auth.authenticate(valuer, NA.plusSeconds(1)));
    assertThat(expired.reasonCode()).isEqualTo("CERTIFICATE_EXPIRED");
    assertThat(expired.getMessage()).contains("'CN=valuer-1,O=kp-bw,OU=VALUER'");
    assertThat(reason(() -> auth.authenticate(valuer, NB.minusSeconds(1))))
        .isEqualTo("CERTIFICATE_NOT_YET_VALID");
    auth.ingestRevocationList(
        bw.issueRevocationList(Map.of(valuer.getSerialNumber(), MID), MID, NA));
    assertThat(reason(() -> auth.authenticate(valuer, MID))).isEqualTo("CERTIFICATE_REVOKED");
    auth.ingestRevocationList(bw.issueRevocationList(Map.of(), MID.plusSeconds(1), NA));
    assertThat(auth.authenticate(valuer, MID).role()).isEqualTo(Role.VALUER);
  }

  @Test
  void theNewestCrlWinsEvenIfItNoLongerListsTheCertificate() {
    CertificateAuthenticator auth = authenticator();
    auth.ingestRevocationList(
        bw.issueRevocationList(Map.of(valuer.getSerialNumber(), NB), MID, NA));
    auth.ingestRevocationList(bw.issueRevocationList(Map.of(), MID.plusSeconds(1), NA));
    assertThat(auth.authenticate(valuer, MID)).isNotNull();
  }

  @Test
  void organisationMismatch() throws Exception {
    X509Certificate cert =
        Rogue.certificate(
            bwIssuer,
            "CN=spy,O=audit-co,OU=AUDITOR",
            EcdsaP256.generateKeyPair().getPublic(),
            NB,
            NA,
            true);
    assertThat(reason(() -> authenticator().authenticate(cert, MID)))
        .isEqualTo("ORGANISATION_MISMATCH");
    X509Certificate noO =
        Rogue.certificate(
            bwIssuer, "CN=spy,OU=AUDITOR", EcdsaP256.generateKeyPair().getPublic(), NB, NA, true);
    assertThat(reason(() -> authenticator().authenticate(noO, MID)))
        .isEqualTo("ORGANISATION_MISMATCH");
  }

  @Test
  void unknownRole() throws Exception {
    X509Certificate cert =
        Rogue.certificate(
            bwIssuer,
            "CN=j,O=kp-bw,OU=JEWELLER",
            EcdsaP256.generateKeyPair().getPublic(),
            NB,
            NA,
            true);
    assertThat(reason(() -> authenticator().authenticate(cert, MID))).isEqualTo("UNKNOWN_ROLE");
    X509Certificate lowerCase =
        Rogue.certificate(
            bwIssuer,
            "CN=j,O=kp-bw,OU=valuer",
            EcdsaP256.generateKeyPair().getPublic(),
            NB,
            NA,
            true);
    assertThat(reason(() -> authenticator().authenticate(lowerCase, MID)))
        .isEqualTo("UNKNOWN_ROLE");
  }

  @Test
  void malformedCertificates() throws Exception {
    X509Certificate caItself = auditor.certificate();
    assertThat(reason(() -> authenticator().authenticate(caItself, MID)))
        .as("a CA cert whose OU is also a role")
        .isEqualTo("MALFORMED_CERTIFICATE");
    X509Certificate noKeyUsage =
        Rogue.certificate(
            bwIssuer,
            "CN=x,O=kp-bw,OU=BUYER",
            EcdsaP256.generateKeyPair().getPublic(),
            NB,
            NA,
            false);
    assertThat(reason(() -> authenticator().authenticate(noKeyUsage, MID)))
        .isEqualTo("MALFORMED_CERTIFICATE");
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    X509Certificate wrongCurve =
        Rogue.certificate(
            bwIssuer, "CN=x,O=kp-bw,OU=BUYER", p384.generateKeyPair().getPublic(), NB, NA, true);
    assertThat(reason(() -> authenticator().authenticate(wrongCurve, MID)))
        .isEqualTo("MALFORMED_CERTIFICATE");
    assertThat(reason(() -> authenticator().authenticate(null, MID)))
        .isEqualTo("MALFORMED_CERTIFICATE");
  }

  @Test
  void acceptsHighSCertificateSignaturesFromOtherTools() throws Exception {
    X509Certificate cert = null;
    for (int i = 0; i < 64 && (cert == null || EcdsaP256.isLowS(cert.getSignature())); i++) {
      cert =
          Rogue.certificate(
              bwIssuer,
              "CN=t" + i + ",O=kp-bw,OU=BUYER",
              EcdsaP256.generateKeyPair().getPublic(),
              NB,
              NA,
              true);
    }
    assertThat(EcdsaP256.isLowS(cert.getSignature()))
        .as("found a high-S certificate signature")
        .isFalse();
    assertThat(authenticator().authenticate(cert, MID).actorId()).startsWith("t");
  }

  @Test
  void parseCertificateRejectsGarbageAndCachesByDer() throws Exception {
    String b64 = Base64.getEncoder().encodeToString(valuer.getEncoded());
    assertThat(CertificateAuthenticator.parseCertificate(b64))
        .isEqualTo(valuer)
        .isSameAs(CertificateAuthenticator.parseCertificate(b64));
    byte[] trailing = java.util.Arrays.copyOf(valuer.getEncoded(), valuer.getEncoded().length + 2);
    for (String bad :
        new String[] {
          null,
          "",
          "not base64!",
          "AAAA",
          Base64.getEncoder().encodeToString(trailing),
          Base64.getEncoder().encodeToString(Pem.writeCertificate(valuer).getBytes())
        }) {
      assertThat(reason(() -> CertificateAuthenticator.parseCertificate(bad)))
          .isEqualTo("MALFORMED_CERTIFICATE");
    }
  }

  @Test
  void staleCrlIsRefusedAndTheSameCrlIsIdempotent() throws Exception {
    CertificateAuthenticator auth = authenticator();
    X509CRL older = bw.issueRevocationList(Map.of(), MID, NA);
    X509CRL newer = bw.issueRevocationList(Map.of(), MID, NA);
    auth.ingestRevocationList(newer);
    auth.ingestRevocationList(newer);
    assertThat(reason(() -> auth.ingestRevocationList(older))).isEqualTo("STALE_CRL");
    BigInteger current = auth.crlNumber("kp-bw").orElseThrow();
    X509CRL conflicting = Rogue.crl(bwIssuer, current, Map.of(BigInteger.TWO, MID), MID);
    assertThat(reason(() -> auth.ingestRevocationList(conflicting))).isEqualTo("STALE_CRL");
    assertThat(auth.crlNumber("kp-bw")).contains(current);
  }

  @Test
  void forgedForeignAndMalformedCrls() throws Exception {
    CertificateAuthenticator auth = authenticator();
    X509CRL forged =
        OrganisationCaTest.botswana()
            .issueRevocationList(Map.of(valuer.getSerialNumber(), NB), MID, NA);
    assertThat(reason(() -> auth.ingestRevocationList(forged))).isEqualTo("BAD_CRL_SIGNATURE");
    X509CRL foreign =
        OrganisationCa.create("kp-xx", OrganisationType.KP_AUTHORITY, "Elsewhere", T0, T1)
            .issueRevocationList(Map.of(), MID, NA);
    assertThat(reason(() -> auth.ingestRevocationList(foreign))).isEqualTo("UNKNOWN_ISSUER");
    X509CRL unnumbered = Rogue.crl(bwIssuer, null, Map.of(), MID);
    assertThat(reason(() -> auth.ingestRevocationList(unnumbered))).isEqualTo("MALFORMED_CRL");
    assertThat(auth.authenticate(valuer, MID)).as("nothing was ingested").isNotNull();
    assertThat(auth.crlNumber("kp-bw")).isEmpty();
  }

  @Test
  void concurrentAuthenticationAndIngestionKeepTheNewestCrl() throws Exception {
    CertificateAuthenticator auth = authenticator();
    List<X509Certificate> certs =
        IntStream.range(0, 16)
            .mapToObj(
                i ->
                    bw.issueActorCertificate(
                        "b" + i, Role.BUYER, EcdsaP256.generateKeyPair().getPublic(), NB, NA))
            .toList();
    List<X509CRL> crls =
        IntStream.range(0, 8).mapToObj(i -> bw.issueRevocationList(Map.of(), MID, NA)).toList();
    IntStream.range(0, 400)
        .parallel()
        .forEach(
            i -> {
              if (i % 50 == 0) {
                try {
                  auth.ingestRevocationList(crls.get(i / 50));
                } catch (IdentityRejectedException e) {
                  assertThat(e.reasonCode()).isEqualTo("STALE_CRL");
                }
              }
              assertThat(auth.authenticate(certs.get(i % certs.size()), MID).role())
                  .isEqualTo(Role.BUYER);
            });
    assertThat(auth.crlNumber("kp-bw")).contains(OrganisationCaTest.crlNumber(crls.get(7)));
  }
}
