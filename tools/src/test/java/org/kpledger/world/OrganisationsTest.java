package org.kpledger.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/** The tools' one world builder: what the demo, the generator and the benchmarks stand on. */
class OrganisationsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aKeptWorldIsReloadedWithTheSameKeysSoARestartedDemoSignsAlike() throws Exception {
    ActorCredentials first =
        Organisations.keptUnder(dir, NOW)
            .actor("CAR-KP", OrganisationType.KP_AUTHORITY, "kp-registrar", Role.REGISTRAR);
    ActorCredentials again =
        Organisations.keptUnder(dir, NOW.plusSeconds(3600))
            .actor("CAR-KP", OrganisationType.KP_AUTHORITY, "kp-registrar", Role.REGISTRAR);

    assertThat(again.certificate()).isEqualTo(first.certificate());
    assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());
    Path actorDir = dir.resolve("CAR-KP/actors/kp-registrar");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(actorDir.resolve("key.pem"))))
        .isEqualTo("rw-------");
    assertThat(actorDir.resolve("key.pem.tmp")).doesNotExist();
  }

  @Test
  void onlyCaCertificatesAreEnrolledAndAnUnchangedTrustDirectoryIsNotRewritten() throws Exception {
    Organisations world = Organisations.keptUnder(dir.resolve("world"), NOW);
    world.actor("CAR-KP", OrganisationType.KP_AUTHORITY, "kp-registrar", Role.REGISTRAR);
    world.actor("KP-MT", OrganisationType.MONITORING_TEAM, "mt-monitor", Role.MONITOR);
    world.actor("KP-MT", OrganisationType.MONITORING_TEAM, "mt-second", Role.MONITOR);
    Path trust = dir.resolve("trust");

    assertThat(world.enrol(trust)).isTrue();
    try (Stream<Path> files = Files.list(trust)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("CAR-KP.pem", "KP-MT.pem");
    }
    assertThat(Files.readString(trust.resolve("KP-MT.pem")))
        .contains("BEGIN CERTIFICATE")
        .doesNotContain("PRIVATE KEY");
    assertThat(world.enrol(trust)).as("enrolled again, nothing new").isFalse();
  }

  @Test
  void anImportingAuthoritysCaNamesItsCountry() {
    ActorCredentials officer =
        Organisations.inMemory(NOW)
            .actor(
                "BE-IMPORT",
                OrganisationType.IMPORTING_AUTHORITY,
                "BE",
                "be-import-officer",
                Role.IMPORT_OFFICER);

    assertThat(officer.certificate().getIssuerX500Principal().getName()).contains("C=BE");
    assertThat(officer.certificate().getNotBefore().toInstant()).isBefore(NOW);
    assertThat(officer.certificate().getNotAfter().toInstant())
        .isAfter(NOW.plusSeconds(86_400L * 365));
  }

  @Test
  void anInMemoryWorldLeavesNoFileBehind() throws Exception {
    Organisations world = Organisations.inMemory(NOW);
    world.actor("BO-BENCH", OrganisationType.BUYING_OFFICE, "bench-buyer-0", Role.BUYER);
    Path trust = dir.resolve("trust");
    world.enrol(trust);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactly("trust/BO-BENCH.pem");
    }
  }
}
