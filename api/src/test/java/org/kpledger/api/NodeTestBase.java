package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one way the full-stack tests boot a ledger node: a real node on a random port whose local
 * state (trust folder, checkpoints) is a temporary data directory, over an H2 file there or a
 * PostgreSQL database of its own ({@link TestDatabase}), and the HTTP calls and assertions every
 * such test makes on it. A subclass owns one data directory and its {@link TestPki}, registers them
 * with {@link #nodeOn}, and answers {@link #pki()}; {@link LedgerTestBase} is the node the test
 * classes share, {@link AuditNode} one its tests may tamper with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NodeTestBase {
  protected static final ObjectMapper JSON = new ObjectMapper();

  /** A new temporary data directory named after its node. */
  static Path dataDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers the node's data directory and the database that goes with it. */
  static void nodeOn(Path data, DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", data::toString);
    TestDatabase.forDataDir(data).forEach((k, v) -> registry.add(k, () -> v));
  }

  /** The organisations and actors this node trusts (its data directory's trust folder). */
  protected abstract TestPki pki();

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  /** An HTTP answer with its parsed body. */
  public record Answer(int status, String contentType, JsonNode body) {}

  protected Answer post(String body) {
    return post(body, "application/json");
  }

  protected Answer post(String body, String contentType) {
    return post(body, contentType, "/api/commands");
  }

  protected Answer post(String body, String contentType, String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Content-Type", contentType)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts raw bytes (a body in any encoding, or none); a body that is not JSON is kept as text. */
  protected Answer postBytes(byte[] body, String contentType, String path) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      } catch (IOException notJson) {
        json = JSON.getNodeFactory().textNode(r.body());
      }
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signs and submits as the named actor; asserts acceptance; returns the outcome. */
  protected JsonNode ok(String actor, String type, JsonNode payload) {
    Answer a = post(Envelopes.sign(pki().get(actor), type, payload));
    assertThat(a.status()).as(type + " by " + actor + ": " + a.body()).isEqualTo(200);
    return a.body();
  }

  /** Submits; asserts a problem+json refusal with the rule, and that no event was written. */
  protected JsonNode refused(String body, int status, String rule) {
    long events = eventCount();
    Answer a = post(body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("rule").asText()).as(a.body().toString()).isEqualTo(rule);
    assertThat(eventCount()).as("events written by a refused command").isEqualTo(events);
    return a.body();
  }

  protected long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  protected long refusedAttemptCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM refused_attempt", Long.class);
  }
}
