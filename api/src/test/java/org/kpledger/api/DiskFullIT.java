package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The packaged node with its H2 file on a 48 MiB tmpfs that fills up: H2 closes the database when a
 * write fails, the node answers 503 and is not ready, and once space is freed it reopens the file
 * by itself (the pool drops the closed connections, {@code EvictLostConnections}) with every
 * acknowledged command in it. Needs {@code mount} (root, as in CI); without it the test is skipped
 * with the reason, unless {@code kp.require.diskfull=true} ({@code KP_REQUIRE_DISKFULL=1} in {@code
 * bin/test}, set by {@code .ci/run}) makes that a failure. Runs on H2 only: PostgreSQL's outage is
 * {@link DatabaseRestartIT}.
 */
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class DiskFullIT {
  private Path mount;
  private Path filler;
  private NodeProcess node;

  @AfterEach
  void cleanUp() throws Exception {
    if (node != null) {
      node.close();
    }
    if (mount != null) {
      run(List.of("umount", mount.toString()));
    }
  }

  @Test
  void diskFullAnswers503AndTheNodeRecoversWhenSpaceIsFreedWithNoAcknowledgedCommandLost()
      throws Exception {
    Path data = Files.createTempDirectory("kp-diskfull");
    mount = mountTmpfs(data.resolve("db"));
    filler = mount.resolve("filler");
    DatabaseOutage scenario = new DatabaseOutage(data);
    node =
        NodeProcess.start(
            data,
            List.of(
                "--spring.datasource.url=jdbc:h2:file:"
                    + mount.resolve("ledger")
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                // the compaction's moves truncate the file, which frees space on the full disk:
                // H2 then opens again and serves reads before the disk is mended, which is not
                // the outage this test is about
                "--kp.h2.compaction.move-below=0"));
    scenario.run(node, this::fillDisk, () -> Files.delete(filler));
    assertThat(node.log()).as("the node logged the outage").contains("the database is unavailable");
  }

  /** Writes zeros into a file until the tmpfs has no byte left. */
  private void fillDisk() throws IOException {
    byte[] block = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).as("the disk is full").containsIgnoringCase("space");
    }
  }

  private static Path mountTmpfs(Path dir) throws Exception {
    Files.createDirectories(dir);
    String why = run(List.of("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", dir.toString()));
    if (why != null) {
      String reason = "cannot mount a tmpfs to fill (needs root): " + why;
      if (Boolean.getBoolean("kp.require.diskfull")) {
        throw new AssertionError(reason + " and kp.require.diskfull=true");
      }
      Assumptions.abort(reason);
    }
    return dir;
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return command + " did not end within 60 s";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.exitValue() == 0 ? null : command + " exited " + p.exitValue() + ": " + out.strip();
  }
}
