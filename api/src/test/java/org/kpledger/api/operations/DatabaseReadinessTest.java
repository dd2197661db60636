package org.kpledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node whose database goes away is alive but not ready, and ready again when it is back. The
 * database is a real H2 server in a process of its own (as PostgreSQL would be), which this test
 * kills and starts again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class DatabaseReadinessTest {
  private static final Path DATA;
  private static final int DB_PORT;
  private static Process database;

  static {
    try {
      DATA = Files.createTempDirectory("kp-readiness");
      try (ServerSocket free = new ServerSocket(0)) {
        DB_PORT = free.getLocalPort();
      }
      database = startDatabase();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/" + DATA.resolve("ledger") + ";WRITE_DELAY=0");
    // a probe must not wait the pool's default 30 s for a connection that will not come
    registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    registry.add("kp.h2.compaction.enabled", () -> "false");
    registry.add(
        "spring.datasource.hikari.exception-override-class-name",
        org.kpledger.api.storage.EvictLostConnections.class::getName);
  }

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stopDatabase() throws InterruptedException {
    database.destroy();
    database.waitFor();
  }

  @Test
  void notReadyWhileTheDatabaseIsClosedAndReadyWhenItIsBack() throws Exception {
    assertThat(status("/actuator/health/readiness")).isEqualTo(200);
    database.destroy();
    database.waitFor();
    awaitStatus("/actuator/health/readiness", 503);
    assertThat(status("/actuator/health/liveness")).as("still alive").isEqualTo(200);
    database = startDatabase();
    awaitStatus("/actuator/health/readiness", 200);
  }

  private static Process startDatabase() {
    try {
      String h2 =
          Path.of(Server.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  h2,
                  Server.class.getName(),
                  "-tcp",
                  "-tcpPort",
                  String.valueOf(DB_PORT),
                  "-ifNotExists",
                  "-baseDir",
                  DATA.toString())
              .redirectErrorStream(true)
              .redirectOutput(DATA.resolve("h2-server.log").toFile())
              .start();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (!listening() && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      return p;
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean listening() {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", DB_PORT)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitStatus(String path, int expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    int last = status(path);
    while (last != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      last = status(path);
    }
    assertThat(last).as(path).isEqualTo(expected);
  }

  private int status(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
