package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.cli.CommandLineConventionsTest.kp;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.cli.CommandLineConventionsTest.Run;
import org.kpledger.identity.Pem;

/**
 * {@code kp actor export-p12}: the actor's key and certificate with its CA's certificate as the
 * chain, in a PKCS#12 file that {@link KeyStore} opens with the password given, which is never
 * printed; a CA that did not issue the actor's certificate, or an empty password, is a usage
 * mistake (exit 2).
 */
class ActorP12ExportTest {
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dir;

  @Test
  void writesAKeyStoreHoldingTheActorsKeyCertificateAndChainUnderThePassword() throws Exception {
    Path actor = issue("BO-P12", "p12-buyer");
    Path out = dir.resolve("p12-buyer.p12");
    Run run = export(actor, dir.resolve("BO-P12/ca/ca-cert.pem"), out, PASSWORD);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).contains(out.toString()).doesNotContain(PASSWORD);

    KeyStore p12 = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(out)) {
      p12.load(in, PASSWORD.toCharArray());
    }
    assertThat(p12.isKeyEntry("p12-buyer")).isTrue();
    Certificate[] chain = p12.getCertificateChain("p12-buyer");
    assertThat(chain).hasSize(2);
    assertThat(chain[0].getEncoded())
        .isEqualTo(Pem.readCertificate(Files.readString(actor.resolve("cert.pem"))).getEncoded());
    assertThat(chain[1].getEncoded())
        .isEqualTo(
            Pem.readCertificate(Files.readString(dir.resolve("BO-P12/ca/ca-cert.pem")))
                .getEncoded());
    Key key = p12.getKey("p12-buyer", PASSWORD.toCharArray());
    PrivateKey original = Pem.readPrivateKey(Files.readString(actor.resolve("key.pem")));
    assertThat(key.getEncoded()).isEqualTo(original.getEncoded());
    assertThat(Files.getPosixFilePermissions(out))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void refusesTheCertificateOfACaThatDidNotIssueTheActors() throws Exception {
    Path actor = issue("BO-P12", "p12-buyer");
    issue("BO-OTHER", "other-buyer");
    Path out = dir.resolve("wrong.p12");
    Run run = export(actor, dir.resolve("BO-OTHER/ca/ca-cert.pem"), out, PASSWORD);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("was not issued by the CA of");
    assertThat(out).doesNotExist();
  }

  @Test
  void refusesAnEmptyPassword() throws Exception {
    Path actor = issue("BO-P12", "p12-buyer");
    Path out = dir.resolve("empty.p12");
    Run run = export(actor, dir.resolve("BO-P12/ca/ca-cert.pem"), out, "");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("password is empty");
    assertThat(out).doesNotExist();
  }

  private Run export(Path actor, Path caCert, Path out, String password) throws Exception {
    Path file = dir.resolve("password-" + out.getFileName());
    Files.writeString(file, password + "\n");
    return kp(
        "actor",
        "export-p12",
        "--actor",
        actor.toString(),
        "--ca-cert",
        caCert.toString(),
        "--out",
        out.toString(),
        "--password-file",
        file.toString());
  }

  private Path issue(String org, String actorId) {
    Path ca = dir.resolve(org + "/ca");
    Path actor = dir.resolve(actorId);
    if (!Files.exists(ca)) {
      Run init =
          kp(
              "ca",
              "init",
              "--org",
              org,
              "--type",
              "BUYING_OFFICE",
              "--name",
              org,
              "--dir",
              ca.toString());
      assertThat(init.exit()).as(init.err()).isZero();
    }
    Run issued =
        kp(
            "actor",
            "issue",
            "--ca",
            ca.toString(),
            "--actor",
            actorId,
            "--role",
            "BUYER",
            "--out",
            actor.toString());
    assertThat(issued.exit()).as(issued.err()).isZero();
    return actor;
  }
}
