package org.kpledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.signing.EcdsaP256;

/**
 * CA rollover: an organisation may have several CA certificates; each vouches only for what its own
 * key signed, within its own validity, and its CRLs revoke only its own certificates.
 */
class CaRolloverTest {

  static final Instant OLD_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant OLD_TO = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant NEW_FROM = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant NEW_TO = Instant.parse("2030-01-01T00:00:00Z");
  static final Instant OVERLAP = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant AFTER_OLD = Instant.parse("2027-06-01T00:00:00Z");

  final OrganisationCa old =
      OrganisationCa.create(
          "BO-ALPHA", OrganisationType.BUYING_OFFICE, "Alpha", "BE", OLD_FROM, OLD_TO);
  final OrganisationCa next = old.rollover(NEW_FROM, NEW_TO);
  final X509Certificate oldBuyer = actor(old, "buyer-old", OLD_FROM, OLD_TO);
  final X509Certificate newBuyer = actor(next, "buyer-new", NEW_FROM, NEW_TO);

  static X509Certificate actor(OrganisationCa ca, String id, Instant from, Instant to) {
    return ca.issueActorCertificate(
        id, Role.BUYER, EcdsaP256.generateKeyPair().getPublic(), from, to);
  }

  static String reason(Runnable action) {
    return catchThrowableOfType(IdentityRejectedException.class, action::run).reasonCode();
  }

  CertificateAuthenticator authenticator() {
    return new CertificateAuthenticator(
        TrustAnchors.of(List.of(next.certificate(), old.certificate())));
  }

  @Test
  void twoCaCertificatesOfOneOrganisationAreBothAnchorsAndTheNewestIssuesNow() {
    TrustAnchors anchors =
        TrustAnchors.of(List.of(next.certificate(), old.certificate(), old.certificate()));
    assertThat(anchors.organisationIds()).containsExactly("BO-ALPHA");
    assertThat(anchors.certificatesFor("BO-ALPHA"))
        .containsExactly(old.certificate(), next.certificate());
    assertThat(anchors.certificateFor("BO-ALPHA")).contains(next.certificate());
    assertThat(anchors.anchors()).hasSize(2);
    assertThat(anchors.contains("BO-ALPHA", old.certificate())).isTrue();
    assertThat(next.certificate().getSubjectX500Principal())
        .isEqualTo(old.certificate().getSubjectX500Principal());
    assertThat(next.certificate().getPublicKey()).isNotEqualTo(old.certificate().getPublicKey());
  }

  @Test
  void actorsOfTheOldAndOfTheNewCaBothAuthenticateEachWithinItsOwnCasValidity() {
    CertificateAuthenticator auth = authenticator();
    assertThat(auth.authenticate(oldBuyer, OVERLAP).actorId()).isEqualTo("buyer-old");
    assertThat(auth.authenticate(newBuyer, OVERLAP).actorId()).isEqualTo("buyer-new");
    assertThat(auth.authenticate(newBuyer, AFTER_OLD).organisationId()).isEqualTo("BO-ALPHA");
    assertThat(reason(() -> auth.authenticate(oldBuyer, AFTER_OLD)))
        .isEqualTo("CERTIFICATE_EXPIRED");
  }

  @Test
  void anActorCertificateCarriesTheAuthorityKeyIdOfTheCaThatIssuedIt() {
    assertThat(KeyIdentifiers.authorityKeyId(newBuyer).orElseThrow())
        .isEqualTo(KeyIdentifiers.subjectKeyId(next.certificate()).orElseThrow());
    assertThat(KeyIdentifiers.authorityKeyId(oldBuyer).orElseThrow())
        .isEqualTo(KeyIdentifiers.subjectKeyId(old.certificate()).orElseThrow());
  }

  @Test
  void anActorSignedByNoEnrolledCaOfItsIssuerIsRefusedEvenWithAKnownKeyId() throws Exception {
    KeyPair rogueKey = EcdsaP256.generateKeyPair();
    byte[] keyId = KeyIdentifiers.subjectKeyId(next.certificate()).orElseThrow();
    X509Certificate forged =
        signed(
            X500Name.getInstance(old.certificate().getSubjectX500Principal().getEncoded()),
            "CN=buyer-x,O=BO-ALPHA,OU=BUYER",
            keyId,
            rogueKey);
    assertThat(reason(() -> authenticator().authenticate(forged, OVERLAP)))
        .isEqualTo("BAD_CERTIFICATE_SIGNATURE");
  }

  @Test
  void aCaOfAnotherOrganisationWithTheSameKeyIdDoesNotVouchForThisOrganisationsActors()
      throws Exception {
    byte[] keyId = KeyIdentifiers.subjectKeyId(next.certificate()).orElseThrow();
    KeyPair otherKey = EcdsaP256.generateKeyPair();
    X500Name otherSubject = new X500Name("CN=Other CA,O=BO-OTHER,OU=BUYING_OFFICE");
    X509Certificate otherCa =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        otherSubject,
                        BigInteger.TEN,
                        Date.from(OLD_FROM),
                        Date.from(NEW_TO),
                        otherSubject,
                        otherKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(
                        Extension.keyUsage,
                        true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                        Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId))
                    .build(new LowSContentSigner(otherKey.getPrivate())));
    CertificateAuthenticator auth =
        new CertificateAuthenticator(
            TrustAnchors.of(List.of(old.certificate(), next.certificate(), otherCa)));
    // Issued by the other organisation's key, but naming BO-ALPHA's CA as issuer and its key id.
    for (String subject : List.of("CN=b,O=BO-ALPHA,OU=BUYER", "CN=b,O=BO-OTHER,OU=BUYER")) {
      X509Certificate forged =
          signed(
              X500Name.getInstance(old.certificate().getSubjectX500Principal().getEncoded()),
              subject,
              keyId,
              otherKey);
      assertThat(reason(() -> auth.authenticate(forged, OVERLAP)))
          .isEqualTo("BAD_CERTIFICATE_SIGNATURE");
    }
  }

  @Test
  void aSecondCaCertificateNamingAnotherTypeOrCountryIsRefused() {
    OrganisationCa otherType =
        OrganisationCa.create(
            "BO-ALPHA", OrganisationType.KP_AUTHORITY, "Alpha", "BE", OLD_FROM, OLD_TO);
    OrganisationCa otherCountry =
        OrganisationCa.create(
            "BO-ALPHA", OrganisationType.BUYING_OFFICE, "Alpha", "FR", OLD_FROM, OLD_TO);
    assertThatThrownBy(() -> TrustAnchors.of(List.of(old.certificate(), otherType.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CA certificates of organisation BO-ALPHA")
        .hasMessageContaining("different organisation types");
    assertThatThrownBy(
            () -> TrustAnchors.of(List.of(old.certificate(), otherCountry.certificate())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different countries (BE and FR)");
  }

  @Test
  void aCrlRevokesOnlyTheCertificatesOfTheCaWhoseKeySignedIt() {
    CertificateAuthenticator auth = authenticator();
    Map<BigInteger, Instant> both =
        Map.of(oldBuyer.getSerialNumber(), NEW_FROM, newBuyer.getSerialNumber(), NEW_FROM);
    X509CRL fromOld = old.issueRevocationList(both, OVERLAP.minusSeconds(60), AFTER_OLD);
    auth.ingestRevocationList(fromOld);
    assertThat(reason(() -> auth.authenticate(oldBuyer, OVERLAP))).isEqualTo("CERTIFICATE_REVOKED");
    assertThat(auth.authenticate(newBuyer, OVERLAP).actorId()).isEqualTo("buyer-new");
    X509CRL fromNew =
        next.issueRevocationList(
            Map.of(newBuyer.getSerialNumber(), NEW_FROM), OVERLAP.minusSeconds(30), AFTER_OLD);
    auth.ingestRevocationList(fromNew);
    assertThat(reason(() -> auth.authenticate(newBuyer, OVERLAP))).isEqualTo("CERTIFICATE_REVOKED");
    assertThat(auth.crlNumber("BO-ALPHA")).contains(crlNumber(fromNew).max(crlNumber(fromOld)));
  }

  @Test
  void aCrlOfAnUnenrolledKeyNamingTheOrganisationsCaIsRefused() throws Exception {
    OrganisationCa unenrolled = old.rollover(NEW_FROM, NEW_TO);
    X509CRL crl = unenrolled.issueRevocationList(Map.of(), OVERLAP, AFTER_OLD);
    assertThat(reason(() -> authenticator().ingestRevocationList(crl)))
        .isEqualTo("BAD_CRL_SIGNATURE");
  }

  @Test
  void aRolloverWithinTheSameSecondStillMakesTheNewCaTheOneThatIssuesNow() {
    for (int i = 0; i < 20; i++) {
      OrganisationCa first =
          OrganisationCa.create(
              "BO-ALPHA", OrganisationType.BUYING_OFFICE, "Alpha", "BE", OLD_FROM, OLD_TO);
      OrganisationCa second = first.rollover(OLD_FROM, OLD_TO);
      OrganisationCa third = second.rollover(OLD_FROM.minusSeconds(60), OLD_TO);
      TrustAnchors anchors =
          TrustAnchors.of(List.of(third.certificate(), first.certificate(), second.certificate()));
      assertThat(anchors.certificateFor("BO-ALPHA")).contains(third.certificate());
      assertThat(anchors.certificatesFor("BO-ALPHA"))
          .containsExactly(first.certificate(), second.certificate(), third.certificate());
    }
  }

  @Test
  void rolloverOfACaDirectoryKeepsTheOldCertificateAndKeyBesideTheNew(@TempDir Path dir) {
    old.issueRevocationList(Map.of(), OLD_FROM, OLD_TO);
    old.save(dir);
    OrganisationCa rolled = OrganisationCa.rollover(dir, NEW_FROM, NEW_TO);
    assertThat(Files.exists(dir.resolve("ca-cert-1.pem"))).isTrue();
    assertThat(OrganisationCa.loadRetired(dir, 1).certificate()).isEqualTo(old.certificate());
    assertThat(OrganisationCa.load(dir).certificate()).isEqualTo(rolled.certificate());
    assertThat(rolled.organisationId()).isEqualTo("BO-ALPHA");
    assertThat(rolled.country()).contains("BE");
    OrganisationCa.rollover(dir, NEW_FROM, NEW_TO);
    assertThat(OrganisationCa.loadRetired(dir, 2).certificate()).isEqualTo(rolled.certificate());
    assertThat(TrustAnchors.loadDirectory(dir).certificatesFor("BO-ALPHA")).hasSize(3);
  }

  private static X509Certificate signed(
      X500Name issuer, String subject, byte[] authorityKeyId, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    issuer,
                    BigInteger.valueOf(System.nanoTime()),
                    Date.from(OLD_FROM),
                    Date.from(OLD_TO),
                    new X500Name(subject),
                    EcdsaP256.generateKeyPair().getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    new AuthorityKeyIdentifier(authorityKeyId))
                .build(new LowSContentSigner(signer.getPrivate())));
  }

  private static BigInteger crlNumber(X509CRL crl) throws RuntimeException {
    try {
      return org.bouncycastle.asn1.ASN1Integer.getInstance(
              org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(
                  crl.getExtensionValue(Extension.cRLNumber.getId())))
          .getValue();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
