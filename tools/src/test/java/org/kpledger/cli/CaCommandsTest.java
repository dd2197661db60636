package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.TrustAnchors;
import picocli.CommandLine;

/**
 * {@code kp ca init --country} writes the participant's country into the CA's subject; {@code kp ca
 * rollover} gives the organisation a new CA and keeps the old one.
 */
class CaCommandsTest {

  @TempDir Path dir;

  @Test
  void initWithACountryNamesItInTheCaAndABadCountryIsRefused() {
    int ok =
        new CommandLine(new CaCommands())
            .execute(
                "init",
                "--org",
                "AE-IMPORT",
                "--type",
                "IMPORTING_AUTHORITY",
                "--name",
                "UAE import",
                "--country",
                "AE",
                "--dir",
                dir.resolve("ca").toString());
    assertThat(ok).isZero();
    assertThat(OrganisationCa.load(dir.resolve("ca")).country()).contains("AE");
    int bad =
        new CommandLine(new CaCommands())
            .execute(
                "init",
                "--org",
                "X",
                "--type",
                "IMPORTING_AUTHORITY",
                "--name",
                "X",
                "--country",
                "are",
                "--dir",
                dir.resolve("bad").toString());
    assertThat(bad).isNotZero();
  }

  @Test
  void initRefusesAnImportingAuthorityWithoutACountry() {
    int code =
        new CommandLine(new CaCommands())
            .execute(
                "init",
                "--org",
                "XX-IMPORT",
                "--type",
                "IMPORTING_AUTHORITY",
                "--name",
                "Unbound import",
                "--dir",
                dir.resolve("unbound").toString());
    assertThat(code).isNotZero();
    assertThat(dir.resolve("unbound")).doesNotExist();
  }

  @Test
  void initNeverReplacesACaAndRolloverKeepsTheOldOneBesideANewKeyBothPinnable() throws Exception {
    Path ca = dir.resolve("ca");
    assertThat(
            new CommandLine(new CaCommands())
                .execute(
                    "init",
                    "--org",
                    "BE-IMPORT",
                    "--type",
                    "IMPORTING_AUTHORITY",
                    "--name",
                    "Belgium import",
                    "--country",
                    "BE",
                    "--dir",
                    ca.toString()))
        .isZero();
    OrganisationCa old = OrganisationCa.load(ca);
    int again =
        new CommandLine(new CaCommands())
            .execute(
                "init",
                "--org",
                "BE-IMPORT",
                "--type",
                "IMPORTING_AUTHORITY",
                "--name",
                "Belgium import",
                "--country",
                "BE",
                "--dir",
                ca.toString());
    assertThat(again).isEqualTo(2);
    assertThat(OrganisationCa.load(ca).certificate()).isEqualTo(old.certificate());
    assertThat(new CommandLine(new CaCommands()).execute("rollover", "--dir", ca.toString()))
        .isZero();
    OrganisationCa rolled = OrganisationCa.load(ca);
    assertThat(OrganisationCa.loadRetired(ca, 1).certificate()).isEqualTo(old.certificate());
    assertThat(rolled.certificate().getPublicKey()).isNotEqualTo(old.certificate().getPublicKey());
    assertThat(rolled.certificate().getSubjectX500Principal())
        .isEqualTo(old.certificate().getSubjectX500Principal());
    assertThat(rolled.country()).contains("BE");
    Path trust = Files.createDirectories(dir.resolve("trust"));
    Files.copy(ca.resolve("ca-cert-1.pem"), trust.resolve("BE-IMPORT.pem"));
    Files.copy(ca.resolve("ca-cert.pem"), trust.resolve("BE-IMPORT-2.pem"));
    assertThat(TrustAnchors.loadDirectory(trust).certificatesFor("BE-IMPORT"))
        .containsExactly(old.certificate(), rolled.certificate());
  }

  @Test
  void rolloverOfAFolderWithoutACaIsRefused() {
    assertThat(
            new CommandLine(new CaCommands())
                .execute("rollover", "--dir", dir.resolve("nothing").toString()))
        .isNotZero();
    assertThat(dir.resolve("nothing")).doesNotExist();
  }
}
