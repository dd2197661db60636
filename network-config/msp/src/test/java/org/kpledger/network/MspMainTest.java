package org.kpledger.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EcdsaP256;

class MspMainTest {

  @TempDir Path out;

  @Test
  void theMspRootIsTheOrganisationCaAndEveryIdentityChainsToItWithItsNodeOu() throws Exception {
    MspMain.main(
        new String[] {"--out", out.toString(), "--org", "CarKpMSP:CAR-KP:KP_AUTHORITY:peer:peer0"});
    Path org = out.resolve("CarKpMSP");
    OrganisationCa ca = OrganisationCa.load(org.resolve("ca"));
    assertThat(ca.organisationType()).isEqualTo(OrganisationType.KP_AUTHORITY);
    assertThat(Files.readString(org.resolve("msp/cacerts/ca.pem")))
        .isEqualTo(Pem.writeCertificate(ca.certificate()));
    for (String[] id :
        new String[][] {
          {"peer0", "peer", "server"}, {"admin", "admin", "client"}, {"client", "client", "client"}
        }) {
      X509Certificate cert = read(org.resolve(id[0] + "/msp/signcerts/cert.pem"));
      validate(cert, ca.certificate());
      assertThat(cert.getSubjectX500Principal().getName())
          .startsWith("CN=")
          .endsWith("OU=" + id[1]);
      assertThat(
              EcdsaP256.isKeyPair(
                  cert.getPublicKey(),
                  Pem.readPrivateKey(
                      Files.readString(org.resolve(id[0] + "/msp/keystore/priv_sk")))))
          .isTrue();
      X509Certificate tls = read(org.resolve(id[0] + "/tls/" + id[2] + ".crt"));
      validate(tls, ca.certificate());
      assertThat(tls.getSubjectAlternativeNames())
          .extracting(n -> (Object) n.get(1))
          .contains("localhost", "127.0.0.1");
    }
  }

  @Test
  void aClientOnlyOrganisationGetsACaNamingItsCountryAndNoNode() throws Exception {
    MspMain.main(
        new String[] {
          "--out", out.toString(), "--org", "AeImportMSP:AE-IMPORT:IMPORTING_AUTHORITY:peer::AE"
        });
    Path org = out.resolve("AeImportMSP");
    OrganisationCa ca = OrganisationCa.load(org.resolve("ca"));
    assertThat(ca.country()).contains("AE");
    assertThat(ca.certificate().getSubjectX500Principal().getName()).endsWith(",C=AE");
    validate(read(org.resolve("client/msp/signcerts/cert.pem")), ca.certificate());
    assertThat(org.resolve("peer0")).doesNotExist();
    assertThat(OrgSpec.parse("KpMonitoringMSP:KP-MT:MONITORING_TEAM:peer:peer0:-").country())
        .isNull();
  }

  @Test
  void aSecondRunKeepsTheCaAndEveryIdentity() throws Exception {
    String[] args = {
      "--out", out.toString(), "--org", "KpOrdererMSP:KP-ORDERER:ORDERING_SERVICE:orderer:orderer0"
    };
    MspMain.main(args);
    Path cert = out.resolve("KpOrdererMSP/orderer0/msp/signcerts/cert.pem");
    String before =
        Files.readString(cert) + Files.readString(out.resolve("KpOrdererMSP/ca/ca-cert.pem"));
    MspMain.main(args);
    assertThat(
            Files.readString(cert) + Files.readString(out.resolve("KpOrdererMSP/ca/ca-cert.pem")))
        .isEqualTo(before);
  }

  private static X509Certificate read(Path file) throws Exception {
    return Pem.readCertificates(Files.readString(file)).get(0);
  }

  private static void validate(X509Certificate cert, X509Certificate root) throws Exception {
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    params.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
  }
}
