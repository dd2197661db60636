package org.kpledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.signing.EcdsaP256;

class OrganisationCaTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2031-01-01T00:00:00Z");

  static OrganisationCa botswana() {
    return OrganisationCa.create(
        "kp-bw", OrganisationType.KP_AUTHORITY, "Botswana Diamond Office", T0, T1);
  }

  @Test
  void caCertificateIsASelfSignedLowSP256Ca() throws Exception {
    X509Certificate ca = botswana().certificate();
    assertThat(ca.getSubjectX500Principal().getName())
        .isEqualTo("CN=Botswana Diamond Office CA,O=kp-bw,OU=KP_AUTHORITY");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).isEqualTo(0);
    assertThat(ca.getKeyUsage())
        .containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(ca.getSerialNumber().signum()).isPositive();
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(T0);
    assertThat(EcdsaP256.isP256(ca.getPublicKey())).isTrue();
    assertThat(EcdsaP256.isLowS(ca.getSignature())).isTrue();
    ca.verify(ca.getPublicKey());
  }

  @Test
  void aCaCreatedWithACountryNamesItInItsSubjectAndKeepsItThroughSaveAndLoad(@TempDir Path dir) {
    OrganisationCa ca =
        OrganisationCa.create(
            "BE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "Belgian import", "BE", T0, T1);
    assertThat(ca.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=Belgian import CA,O=BE-IMPORT,OU=IMPORTING_AUTHORITY,C=BE");
    ca.save(dir);
    OrganisationCa loaded = OrganisationCa.load(dir);
    assertThat(loaded.country()).contains("BE");
    assertThat(loaded.organisationId()).isEqualTo("BE-IMPORT");
    assertThat(loaded.organisationType()).isEqualTo(OrganisationType.IMPORTING_AUTHORITY);
    assertThat(botswana().country()).isEmpty();
    X509Certificate actor =
        loaded.issueActorCertificate(
            "officer-1", Role.IMPORT_OFFICER, EcdsaP256.generateKeyPair().getPublic(), T0, T1);
    assertThat(
            new CertificateAuthenticator(TrustAnchors.of(java.util.List.of(ca.certificate())))
                .authenticate(actor, T0.plusSeconds(60))
                .organisationId())
        .isEqualTo("BE-IMPORT");
  }

  @Test
  void refusesACountryThatIsNotAnIso3166Alpha2Code() {
    for (String bad : new String[] {"be", "BEL", "B", "1E"}) {
      assertThatThrownBy(
              () ->
                  OrganisationCa.create(
                      "X", OrganisationType.IMPORTING_AUTHORITY, "X", bad, T0, T1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ISO 3166-1 alpha-2");
    }
  }

  @Test
  void actorCertificateIsAnEndEntitySignedByTheCa() throws Exception {
    OrganisationCa ca = botswana();
    X509Certificate a =
        ca.issueActorCertificate(
            "valuer-1",
            Role.VALUER,
            EcdsaP256.generateKeyPair().getPublic(),
            T0.plusMillis(1500),
            T1.minus(Duration.ofDays(1)));
    X509Certificate b =
        ca.issueActorCertificate(
            "valuer-2", Role.VALUER, EcdsaP256.generateKeyPair().getPublic(), T0, T1);
    assertThat(a.getSubjectX500Principal().getName()).isEqualTo("CN=valuer-1,O=kp-bw,OU=VALUER");
    assertThat(a.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(a.getBasicConstraints()).isEqualTo(-1);
    assertThat(a.getKeyUsage()[0]).isTrue();
    assertThat(a.getKeyUsage()).containsOnlyOnce(true);
    assertThat(a.getNotBefore().toInstant())
        .as("truncated to seconds")
        .isEqualTo(T0.plusSeconds(1));
    assertThat(a.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
    assertThat(a.getSerialNumber().signum()).isPositive();
    assertThat(a.getSerialNumber()).isNotEqualTo(b.getSerialNumber());
    assertThat(EcdsaP256.isLowS(a.getSignature())).isTrue();
    a.verify(ca.certificate().getPublicKey());
  }

  @Test
  void refusesBadIssuanceArguments() throws Exception {
    OrganisationCa ca = botswana();
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    assertThatThrownBy(
            () ->
                ca.issueActorCertificate(
                    "a", Role.BUYER, p384.generateKeyPair().getPublic(), T0, T1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    assertThatThrownBy(
            () ->
                ca.issueActorCertificate(
                    "a",
                    Role.BUYER,
                    EcdsaP256.generateKeyPair().getPublic(),
                    T0,
                    T1.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within");
    assertThatThrownBy(
            () ->
                ca.issueActorCertificate(
                    "a b", Role.BUYER, EcdsaP256.generateKeyPair().getPublic(), T0, T1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actorId");
    assertThatThrownBy(() -> OrganisationCa.create("kp,bw", OrganisationType.AUDITOR, "x", T0, T1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrganisationCa.create("kp-bw", OrganisationType.AUDITOR, "x", T1, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void crlsCarryRisingNumbersAndTheRevokedEntries() throws Exception {
    OrganisationCa ca = botswana();
    Instant now = T0.plus(Duration.ofDays(10));
    X509CRL first =
        ca.issueRevocationList(
            Map.of(BigInteger.TEN, now.minusSeconds(60)), now, now.plus(Duration.ofDays(7)));
    X509CRL second = ca.issueRevocationList(Map.of(), now, now.plus(Duration.ofDays(7)));
    assertThat(crlNumber(second)).isEqualTo(crlNumber(first).add(BigInteger.ONE));
    assertThat(crlNumber(first)).isGreaterThanOrEqualTo(BigInteger.valueOf(now.getEpochSecond()));
    assertThat(first.getRevokedCertificate(BigInteger.TEN).getRevocationDate().toInstant())
        .isEqualTo(now.minusSeconds(60));
    assertThat(EcdsaP256.isLowS(first.getSignature())).isTrue();
    first.verify(ca.certificate().getPublicKey());
    assertThatThrownBy(
            () ->
                ca.issueRevocationList(
                    Map.of(BigInteger.ONE, now.plusSeconds(1)), now, now.plusSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
    OrganisationCa ca = botswana();
    X509CRL before = ca.issueRevocationList(Map.of(), T1.minusSeconds(5), T1);
    ca.save(dir);
    Path keyFile = dir.resolve("ca-key.pem");
    assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
          .isEqualTo("rw-------");
    }
    OrganisationCa loaded = OrganisationCa.load(dir);
    assertThat(loaded.certificate()).isEqualTo(ca.certificate());
    assertThat(loaded.organisationId()).isEqualTo("kp-bw");
    assertThat(loaded.organisationType()).isEqualTo(OrganisationType.KP_AUTHORITY);
    X509Certificate actor =
        loaded.issueActorCertificate(
            "buyer-1", Role.BUYER, EcdsaP256.generateKeyPair().getPublic(), T0, T1);
    actor.verify(ca.certificate().getPublicKey());
    X509CRL after = loaded.issueRevocationList(Map.of(), T0.plusSeconds(1), T1);
    assertThat(crlNumber(after))
        .as("counter survives the round trip")
        .isGreaterThan(crlNumber(before));
    ca.save(dir);
    assertThat(OrganisationCa.load(dir).certificate()).isEqualTo(ca.certificate());
  }

  @Test
  void loadRefusesAKeyThatIsNotTheCertificates(@TempDir Path dir) throws Exception {
    botswana().save(dir.resolve("a"));
    botswana().save(dir.resolve("b"));
    Files.copy(
        dir.resolve("b/ca-key.pem"),
        dir.resolve("a/ca-key.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> OrganisationCa.load(dir.resolve("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the P-256 key");
    assertThatThrownBy(() -> OrganisationCa.load(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static BigInteger crlNumber(X509CRL crl) throws Exception {
    return ASN1Integer.getInstance(
            JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId())))
        .getValue();
  }

  @Test
  void tlsServerCertificateNamesItsHostsAndServesOnlyAsAServer() throws Exception {
    OrganisationCa ca = botswana();
    X509Certificate tls =
        ca.issueTlsServerCertificate(
            "node-1",
            java.util.List.of("localhost", "ledger.example"),
            java.util.List.of("127.0.0.1"),
            EcdsaP256.generateKeyPair().getPublic(),
            T0,
            T0.plus(Duration.ofDays(30)));
    tls.verify(ca.certificate().getPublicKey());
    assertThat(tls.getSubjectX500Principal().getName()).contains("OU=LEDGER_NODE", "CN=node-1");
    assertThat(tls.getSubjectAlternativeNames())
        .extracting(n -> (Object) n.get(1))
        .containsExactly("localhost", "ledger.example", "127.0.0.1");
    assertThat(tls.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(tls.getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void tlsServerCertificateRefusesNoHostAndABadAddress() {
    OrganisationCa ca = botswana();
    var key = EcdsaP256.generateKeyPair().getPublic();
    assertThatThrownBy(
            () ->
                ca.issueTlsServerCertificate(
                    "node-1", java.util.List.of(), java.util.List.of(), key, T0, T1))
        .hasMessageContaining("at least one host");
    assertThatThrownBy(
            () ->
                ca.issueTlsServerCertificate(
                    "node-1", java.util.List.of(), java.util.List.of("300.1.1.1"), key, T0, T1))
        .hasMessageContaining("not an IP address");
  }
}
