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
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real ledger node on a random port over an H2 file database in a temporary directory (or a
 * PostgreSQL database of its own, see {@link TestDatabase}), with the organisations of the KP chain
 * enrolled: the CAR KP authority, the Monitoring Team, four buying offices, a collectors'
 * association, a forensic auditor and an importing authority.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerTestBase {
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final Path DATA;
  protected static final TestPki PKI;

  static {
    try {
      DATA = Files.createTempDirectory("kp-ledger-test");
      PKI = new TestPki(DATA.resolve("trust"));
      PKI.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
      PKI.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
      PKI.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-BETA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-GAMMA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("BO-DELTA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, true);
      PKI.organisation("AUD-FA", OrganisationType.AUDITOR, true);
      PKI.organisation("BE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "BE", true);
      PKI.organisation("AE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "AE", true);
      PKI.organisation("ROGUE", OrganisationType.BUYING_OFFICE, false);
      PKI.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
      PKI.actor("CAR-KP", "becdor-valuer", Role.VALUER);
      PKI.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER);
      PKI.actor("CAR-KP", "kp-inspector", Role.INSPECTOR);
      PKI.actor("KP-MT", "mt-monitor", Role.MONITOR);
      PKI.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
      PKI.actor("BO-BETA", "beta-buyer", Role.BUYER);
      PKI.actor("BO-GAMMA", "gamma-buyer", Role.BUYER);
      PKI.actor("BO-DELTA", "delta-buyer", Role.BUYER);
      PKI.actor("COLL-MK", "col-ndoumba", Role.COLLECTOR);
      PKI.actor("COLL-MK", "col-yakite", Role.COLLECTOR);
      PKI.actor("AUD-FA", "auditor-1", Role.AUDITOR);
      PKI.actor("BE-IMPORT", "be-officer", Role.IMPORT_OFFICER);
      PKI.actor("AE-IMPORT", "ae-officer", Role.IMPORT_OFFICER);
      PKI.actor("ROGUE", "rogue-buyer", Role.BUYER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void ledgerProperties(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    TestDatabase.forDataDir(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

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
    Answer a = post(Envelopes.sign(PKI.get(actor), type, payload));
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
