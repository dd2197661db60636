package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.identity.OrganisationCa;
import picocli.CommandLine;

/** {@code kp ca init --country} writes the participant's country into the CA's subject. */
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
}
