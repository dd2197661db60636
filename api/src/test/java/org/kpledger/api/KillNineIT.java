package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * The packaged node, killed with SIGKILL right after acknowledging a command and a batch, still has
 * their events when it starts again: H2 writes each commit before it returns (WRITE_DELAY=0), and
 * in the PostgreSQL run (TestDatabase) the server has committed them before the node answers.
 */
class KillNineIT {
  /** The node's database: its H2 file, or a PostgreSQL database of its own (TestDatabase). */
  private final Map<String, String> database = TestDatabase.fresh().orElse(Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private Process node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.destroyForcibly();
    }
  }

  @Test
  void acknowledgedCommandSurvivesKillNine() throws Exception {
    Path data = Files.createTempDirectory("kp-kill9");
    TestPki pki = new TestPki(data.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
    var registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    var monitor = pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    int port = freePort();
    node = start(data, port);

    post(
        port,
        Envelopes.sign(
            registrar,
            "RegisterZone",
            CarFixture.obj("zoneId", "NOLA", "name", "Nola", "prefecture", "Sangha-Mbaéré")));
    String decision =
        Envelopes.sign(
            monitor,
            "RecordZoneDecision",
            CarFixture.obj(
                "zoneId",
                "NOLA",
                "status",
                "COMPLIANT",
                "effectiveFrom",
                "2016-09-19",
                "decisionRef",
                "KP Chair 2016-09-19"));
    JsonNode ack = post(port, decision);
    assertThat(ack.path("eventIds")).hasSize(1);
    String batch =
        "{\"commands\":["
            + Envelopes.sign(
                registrar,
                "RegisterZone",
                CarFixture.obj("zoneId", "BODA", "name", "Boda", "prefecture", "Lobaye"))
            + ","
            + Envelopes.sign(
                monitor,
                "RecordZoneDecision",
                CarFixture.obj(
                    "zoneId",
                    "BODA",
                    "status",
                    "COMPLIANT",
                    "effectiveFrom",
                    "2016-09-19",
                    "decisionRef",
                    "KP Chair 2016-09-19"))
            + "]}";
    JsonNode batchAck = post(port, "/api/commands/batch", batch);
    assertThat(batchAck.path("commands")).hasSize(2);
    long before = status(port).path("events").asLong();
    node.destroyForcibly().waitFor();

    node = start(data, port);
    assertThat(status(port).path("events").asLong()).isEqualTo(before);
    assertThat(post(port, decision))
        .as("the retry is answered from the durable receipt")
        .isEqualTo(ack);
    assertThat(post(port, "/api/commands/batch", batch))
        .as("the batch's retry is answered from its members' durable receipts")
        .isEqualTo(batchAck);
    assertThat(status(port).path("events").asLong()).isEqualTo(before);
  }

  private Process start(Path data, int port) throws Exception {
    Path jar = NodeProcess.jar();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--kp.data-dir=" + data,
                "--server.port=" + port));
    command.addAll(List.of(TestDatabase.arguments(database)));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("node.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (status(port).path("status").asText().equals("UP")) {
          return p;
        }
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
      if (!p.isAlive()) {
        throw new AssertionError("node died: " + Files.readString(data.resolve("node.log")));
      }
    }
    p.destroyForcibly().waitFor();
    throw new AssertionError("node did not start: " + Files.readString(data.resolve("node.log")));
  }

  private JsonNode status(int port) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/status")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private JsonNode post(int port, String envelope) throws Exception {
    return post(port, "/api/commands", envelope);
  }

  private JsonNode post(int port, String path, String envelope) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
