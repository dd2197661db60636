package org.kpledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.kpledger.api.Envelopes;
import org.kpledger.api.TestPki;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * {@code --logging.structured.format.console=ecs} turns the node's console into one JSON object per
 * line (Elastic Common Schema), the access log's facts as fields of their own. The node runs as its
 * own process (the logging system is the JVM's), started as {@code kp serve} is.
 */
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class StructuredLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PORT = Pattern.compile("Tomcat started on port ([0-9]+)");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private Process node;

  @AfterEach
  void stop() throws InterruptedException {
    if (node != null) {
      node.destroy();
      node.waitFor();
    }
  }

  @Test
  void everyLineIsJsonAndTheAccessLogHasItsFields() throws Exception {
    Path data = Files.createTempDirectory("kp-json-logs");
    TestPki pki = new TestPki(data.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    TestPki.TestActor registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    int port = start(data);

    String envelope =
        Envelopes.sign(
            registrar,
            "RegisterZone",
            JsonNodeFactory.instance
                .objectNode()
                .put("zoneId", "JSON-Z1")
                .put("name", "Payload-Only-Name")
                .put("prefecture", "X"));
    String commandId = JSON.readTree(envelope).path("commandId").asText();
    assertThat(post(port, envelope)).isEqualTo(200);
    assertThat(post(port, envelope.replace("\"JSON-Z1\"", "\"JSON-Z2\""))).isEqualTo(401);

    JsonNode accepted = awaitAccess("\"commandId\":\"" + commandId + "\"", "200");
    assertThat(accepted.path("log").path("logger").asText()).isEqualTo("org.kpledger.access");
    assertThat(accepted.path("http").path("method").asText()).isEqualTo("POST");
    assertThat(accepted.path("http").path("path").asText()).isEqualTo("/api/commands");
    assertThat(accepted.path("commandType").asText()).isEqualTo("RegisterZone");
    assertThat(accepted.path("http").path("durationMs").isNumber()).isTrue();
    JsonNode refused = awaitAccess("\"commandId\":\"" + commandId + "\"", "401");
    assertThat(refused.path("rule").asText()).isEqualTo("BAD_SIGNATURE");

    for (String line : lines) {
      assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
      assertThat(line).doesNotContain("Payload-Only-Name");
      assertThat(line).doesNotContain(JSON.readTree(envelope).path("signature").asText());
    }
  }

  private int start(Path data) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    node =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.kpledger.cli.KpCli",
                "serve",
                "--server.port=0",
                "--kp.data-dir=" + data,
                "--logging.structured.format.console=ecs")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the node stopped
              }
            });
    reader.setDaemon(true);
    reader.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline) && node.isAlive()) {
      for (String line : lines) {
        Matcher m = PORT.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the node did not start: " + String.join("\n", lines));
  }

  private JsonNode awaitAccess(String fragment, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (String line : lines) {
        if (line.contains(fragment) && line.contains("\"status\":" + status + ",")) {
          return JSON.readTree(line);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no access line with " + fragment + ": " + String.join("\n", lines));
  }

  private static int post(int port, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/commands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
