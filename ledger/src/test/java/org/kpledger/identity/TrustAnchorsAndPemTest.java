package org.kpledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.signing.EcdsaP256;

class TrustAnchorsAndPemTest {

  static final OrganisationCa BW = OrganisationCaTest.botswana();
  static final OrganisationCa AUDIT =
      OrganisationCa.create(
          "audit-co",
          OrganisationType.AUDITOR,
          "Audit Co",
          OrganisationCaTest.T0,
          OrganisationCaTest.T1);

  @Test
  void looksUpAnchorsByOrganisation() {
    TrustAnchors anchors =
        TrustAnchors.of(List.of(AUDIT.certificate(), BW.certificate(), BW.certificate()));
    assertThat(anchors.organisationIds()).containsExactly("audit-co", "kp-bw");
    assertThat(anchors.forOrganisation("kp-bw"))
        .get()
        .extracting(TrustAnchors.Anchor::type)
        .isEqualTo(OrganisationType.KP_AUTHORITY);
    assertThat(anchors.certificateFor("audit-co")).contains(AUDIT.certificate());
    assertThat(anchors.forOrganisation("nobody")).isEmpty();
    assertThat(anchors.anchors()).hasSize(2);
  }

  @Test
  void refusesCertificatesThatAreNotOrganisationCas() {
    X509Certificate actor =
        BW.issueActorCertificate(
            "a",
            Role.BUYER,
            EcdsaP256.generateKeyPair().getPublic(),
            OrganisationCaTest.T0,
            OrganisationCaTest.T1);
    assertThatThrownBy(() -> TrustAnchors.of(List.of(actor)))
        .isInstanceOf(IllegalArgumentException.class);
    // A second CA of one organisation is a rollover (CaRolloverTest), but it must keep the type.
    X509Certificate twin =
        OrganisationCa.create(
                "kp-bw",
                OrganisationType.AUDITOR,
                "Botswana Diamond Office",
                OrganisationCaTest.T0,
                OrganisationCaTest.T1)
            .certificate();
    assertThatThrownBy(() -> TrustAnchors.of(List.of(BW.certificate(), twin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kp-bw");
  }

  @Test
  void loadsEveryCertificateFromThePemFilesOfADirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bw.pem"), Pem.writeCertificate(BW.certificate()));
    Files.writeString(
        dir.resolve("audit.pem"),
        Pem.writeCertificate(AUDIT.certificate())
            + Pem.writePrivateKey(EcdsaP256.generateKeyPair().getPrivate()));
    Files.writeString(dir.resolve("notes.txt"), "not a certificate");
    assertThat(TrustAnchors.loadDirectory(dir).organisationIds())
        .containsExactly("audit-co", "kp-bw");
  }

  @Test
  void pemRoundTripsCertificatesKeysAndCrls() {
    KeyPair keys = EcdsaP256.generateKeyPair();
    assertThat(Pem.readCertificate(Pem.writeCertificate(BW.certificate())))
        .isEqualTo(BW.certificate());
    assertThat(
            EcdsaP256.isKeyPair(
                keys.getPublic(), Pem.readPrivateKey(Pem.writePrivateKey(keys.getPrivate()))))
        .isTrue();
    X509CRL crl =
        BW.issueRevocationList(
            Map.of(BigInteger.TEN, OrganisationCaTest.T0),
            OrganisationCaTest.T0,
            OrganisationCaTest.T1);
    assertThat(Pem.readCrl(Pem.writeCrl(crl))).isEqualTo(crl);
    String two = Pem.writeCertificate(BW.certificate()) + Pem.writeCertificate(AUDIT.certificate());
    assertThat(Pem.readCertificates(two)).containsExactly(BW.certificate(), AUDIT.certificate());
    assertThatThrownBy(() -> Pem.readCertificate(two)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pem.readPrivateKey(two)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Pem.readCertificate(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
