package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;

/**
 * A backup taken while the packaged node runs, restored under a new node, verified with {@code kp
 * verify} against checkpoints kept outside it (README "Backups"): a bundle exported from the
 * restored node checks clean against the checkpoint saved before the backup, and a checkpoint saved
 * after the backup is reported as a log that lost events ({@code LOG_ROLLED_BACK}). On H2 the
 * backup is {@code kp node backup} (H2's {@code BACKUP TO} in the node); in the PostgreSQL run it
 * is {@code pg_dump} into {@code pg_restore}, with the node's checkpoint file copied after the
 * dump.
 */
class BackupRestoreIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private TestPki pki;
  private TestPki.TestActor registrar;
  private int zones;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  @Test
  void aRestoredBackupVerifiesAgainstTheCheckpointBeforeItAndIsCaughtShortOfOneAfter()
      throws Exception {
    Path work = Files.createTempDirectory("kp-backup");
    Path original = work.resolve("original");
    pki = new TestPki(original.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("AUD-FA", OrganisationType.AUDITOR, true);
    registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    Path auditor = save(pki.actor("AUD-FA", "auditor-1", Role.AUDITOR), work.resolve("auditor"));
    Map<String, String> database = TestDatabase.fresh().orElse(Map.of());
    NodeProcess node = start(original, database);

    register(node, 5);
    Path before = work.resolve("checkpoint-before-backup.txt");
    Files.writeString(before, checkpointOfAtLeast(node, 5));
    Path backup = work.resolve(TestDatabase.postgres() ? "ledger.dump" : "backup.zip");
    Path checkpointsCopy = work.resolve("checkpoints-after-dump.txt");
    if (TestDatabase.postgres()) {
      run(List.of(pg("pg_dump"), "--format=custom", "--file=" + backup, libpq(database)));
      Files.copy(original.resolve("checkpoints.txt"), checkpointsCopy);
    } else {
      kp(
          0,
          "node",
          "backup",
          "--actor",
          auditor.toString(),
          "--url",
          node.url(),
          "--out",
          backup.toString());
    }
    register(node, 5);
    Path after = work.resolve("checkpoint-after-backup.txt");
    Files.writeString(after, checkpointOfAtLeast(node, 10));
    node.close();

    Path restored = work.resolve("restored");
    copyTree(original.resolve("trust"), restored.resolve("trust"));
    copyTree(original.resolve("node"), restored.resolve("node"));
    Map<String, String> restoredDatabase = Map.of();
    if (TestDatabase.postgres()) {
      restoredDatabase = TestDatabase.fresh().orElseThrow();
      run(List.of(pg("pg_restore"), "--dbname=" + libpq(restoredDatabase), backup.toString()));
      Files.copy(checkpointsCopy, restored.resolve("checkpoints.txt"));
    } else {
      unzip(backup, restored);
    }
    NodeProcess back = start(restored, restoredDatabase);
    assertThat(JSON.readTree(back.get("/api/status").body()).path("events").asLong())
        .as("the events as of the backup")
        .isEqualTo(5);
    Path key = work.resolve("log-key.txt");
    Files.writeString(key, back.get("/api/log/verifier-key").body());
    Path bundle = work.resolve("restored.zip");
    kp(
        0,
        "audit",
        "export",
        "--actor",
        auditor.toString(),
        "--url",
        back.url(),
        "--out",
        "" + bundle);
    String trust = original.resolve("trust").toString();
    String clean =
        kp(
            0,
            "verify",
            "" + bundle,
            "--verifier-key",
            "@" + key,
            "--trust",
            trust,
            "--previous-checkpoint",
            before.toString());
    assertThat(clean).contains("VERIFIED");
    String caught =
        kp(
            1,
            "verify",
            "" + bundle,
            "--verifier-key",
            "@" + key,
            "--trust",
            trust,
            "--previous-checkpoint",
            after.toString());
    assertThat(caught).contains("LOG_ROLLED_BACK");
  }

  private NodeProcess start(Path dataDir, Map<String, String> database) throws Exception {
    NodeProcess n = NodeProcess.start(dataDir, List.of(TestDatabase.arguments(database)));
    nodes.add(n);
    return n;
  }

  private void register(NodeProcess node, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      int n = zones++;
      HttpResponse<String> r =
          node.post(
              "/api/commands",
              Envelopes.sign(
                  registrar,
                  "RegisterZone",
                  CarFixture.obj("zoneId", "Z" + n, "name", "Zone " + n, "prefecture", "Lobaye")));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  /** Polls the node's latest signed checkpoint until it covers {@code size} leaves. */
  private static String checkpointOfAtLeast(NodeProcess node, long size) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String note = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = node.get("/api/log/checkpoint");
      if (r.statusCode() == 200) {
        note = r.body();
        if (Long.parseLong(note.split("\n")[1]) >= size) {
          return note;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no checkpoint of " + size + " leaves within 60 s; last: " + note);
  }

  /** Runs {@code java -jar kp-ledger.jar ARGS} as bin/kp does; its output, at the exit wanted. */
  private static String kp(int exit, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("kp.cli.jar", "target/kp-ledger.jar"))
                    .toAbsolutePath()
                    .toString()));
    command.addAll(List.of(arguments));
    return run(command, exit);
  }

  private static String run(List<String> command) throws Exception {
    return run(command, 0);
  }

  private static String run(List<String> command, int exit) throws Exception {
    Path out = Files.createTempFile("kp-backup-run", ".out");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within 180 s");
    }
    String said = Files.readString(out);
    Files.delete(out);
    assertThat(p.exitValue()).as(command + " said:\n" + said).isEqualTo(exit);
    return said;
  }

  /** The libpq form of a test database's JDBC URL and user, for pg_dump and pg_restore. */
  private static String libpq(Map<String, String> database) {
    return database.get("spring.datasource.url").substring("jdbc:".length())
        + "?user="
        + database.get("spring.datasource.username");
  }

  /** A PostgreSQL client program: on the PATH, else the newest in Debian's server directory. */
  private static String pg(String program) throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin").resolve(program))
          .filter(Files::isExecutable)
          .max(Path::compareTo)
          .map(Path::toString)
          .orElse(program);
    } catch (java.nio.file.NoSuchFileException none) {
      return program;
    }
  }

  private static Path save(TestPki.TestActor actor, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cert.pem"), Pem.writeCertificate(actor.certificate()));
    Files.writeString(dir.resolve("key.pem"), Pem.writePrivateKey(actor.key()));
    return dir;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void unzip(Path zip, Path dir) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        Files.copy(z, dir.resolve(e.getName()));
      }
    }
  }
}
