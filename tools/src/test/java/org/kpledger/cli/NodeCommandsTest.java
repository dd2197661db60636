package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.api.log.NodeKey;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import picocli.CommandLine;

/** {@code kp node certify} certifies the node's own tree-head key as a LEDGER_NODE of the CA. */
class NodeCommandsTest {

  @TempDir Path dir;

  @Test
  void certifiesTheNodesTreeHeadKeyAsALedgerNodeOfTheKpAuthoritysCa() throws Exception {
    Instant now = Instant.now();
    OrganisationCa ca =
        OrganisationCa.create(
            "CAR-KP",
            OrganisationType.KP_AUTHORITY,
            "CAR KP authority",
            now.minus(1, ChronoUnit.DAYS),
            now.plus(3650, ChronoUnit.DAYS));
    ca.save(dir.resolve("ca"));
    Path data = dir.resolve("data");
    Files.createDirectories(data);

    int exit =
        new CommandLine(new KpCli())
            .execute(
                "node",
                "certify",
                "--ca",
                dir.resolve("ca").toString(),
                "--data-dir",
                data.toString(),
                "--node-id",
                "car-node-1",
                "--days",
                "30");

    assertThat(exit).isZero();
    Path key = data.resolve("node/tree-head-key.pem");
    assertThat(Files.getPosixFilePermissions(key))
        .as("the key was created as the node creates it, for its owner only")
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    X509Certificate cert =
        Pem.readCertificate(Files.readString(data.resolve("node/tree-head-cert.pem")));
    assertThat(cert.getPublicKey()).isEqualTo(NodeKey.publicKey(key));
    assertThat(cert.getSubjectX500Principal().getName())
        .contains("OU=LEDGER_NODE", "CN=car-node-1");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getNotAfter().toInstant()).isBefore(now.plus(31, ChronoUnit.DAYS));
  }
}
