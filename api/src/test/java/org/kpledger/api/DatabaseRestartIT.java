package org.kpledger.api;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged node on a PostgreSQL server of this test's own ({@code bin/test-postgres}) that is
 * stopped ({@code pg_ctl stop -m fast}) and started again on the same port under it: 503 while it
 * is down, ready again by itself when it is back, no acknowledged command lost. Runs in the
 * PostgreSQL run of the suite ({@code kp.test.postgres} set by {@code bin/test}, which
 * KP_REQUIRE_POSTGRES=1 makes mandatory in CI), where the server's binaries are known to be there.
 */
@EnabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class DatabaseRestartIT {
  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("bin").resolve("test-postgres");

  private Path server;
  private NodeProcess node;

  @AfterEach
  void cleanUp() throws Exception {
    if (node != null) {
      node.close();
    }
    if (server != null) {
      script("stop", server.toString());
    }
  }

  @Test
  void aStoppedDatabaseAnswers503AndTheNodeRecoversWhenItIsBackWithNoAcknowledgedCommandLost()
      throws Exception {
    server = Files.createTempDirectory("kp-pg-restart");
    Path data = Files.createTempDirectory("kp-pg-restart-node");
    String port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = String.valueOf(s.getLocalPort());
    }
    String url = script("start", server.toString(), port).strip();
    try (Connection c = DriverManager.getConnection(url + "postgres", "kp", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE kp");
    }
    DatabaseOutage scenario = new DatabaseOutage(data);
    node =
        NodeProcess.start(
            data,
            List.of(
                "--spring.datasource.url=" + url + "kp",
                "--spring.datasource.username=kp",
                "--spring.datasource.password=",
                // every request waits this long for a connection while the server is down (5 s
                // by default): shorter, so the test spends less of CI's time waiting
                "--spring.datasource.hikari.connection-timeout=2000"));
    scenario.run(
        node,
        () -> script("stop", server.toString()),
        () -> script("start", server.toString(), port));
  }

  /** Runs bin/test-postgres; its standard output, or a failure with everything it said. */
  private static String script(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile("kp-test-postgres", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within 120 s");
    }
    String said = Files.readString(out);
    Files.delete(out);
    if (p.exitValue() != 0) {
      throw new AssertionError(command + " exited " + p.exitValue() + ": " + said);
    }
    return said;
  }
}
