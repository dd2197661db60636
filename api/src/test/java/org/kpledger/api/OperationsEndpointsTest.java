package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot Actuator on a booted node: the probes answer anyone with their status only, health
 * details and metrics are for the node's operators (KP authority, auditors) proven by a signed
 * request, no other endpoint exists, and the ledger's metrics move with the commands.
 */
class OperationsEndpointsTest extends ReadTestBase {
  private static final String P = "OPS-";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void probesAnswerTheirStatusToAnyoneWithoutDetails() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      Answer a = send("GET", probe, Map.of());
      assertThat(a.status()).as(probe + ": " + a.body()).isEqualTo(200);
      assertThat(a.body().path("status").asText()).isEqualTo("UP");
      assertThat(a.body().has("components")).as(probe + ": " + a.body()).isFalse();
      assertThat(a.body().has("details")).isFalse();
    }
  }

  @Test
  void readinessShowsTheDatabaseAndTheProjectionsToAnOperatorOnly() {
    JsonNode operator =
        send(
                "GET",
                "/actuator/health/readiness",
                signed("GET", "/actuator/health/readiness", "kp-registrar", Instant.now()))
            .body();
    assertThat(operator.path("status").asText()).isEqualTo("UP");
    assertThat(operator.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(
            operator
                .path("components")
                .path("projections")
                .path("details")
                .path("projections")
                .path("running")
                .asBoolean())
        .as(operator.toString())
        .isTrue();
    assertThat(operator.path("components").has("readinessState")).isTrue();

    JsonNode auditor =
        send(
                "GET",
                "/actuator/health",
                signed("GET", "/actuator/health", "auditor-1", Instant.now()))
            .body();
    assertThat(auditor.path("components").has("diskSpace")).as(auditor.toString()).isTrue();

    JsonNode buyer =
        send(
                "GET",
                "/actuator/health",
                signed("GET", "/actuator/health", "alpha-buyer", Instant.now()))
            .body();
    assertThat(buyer.path("status").asText()).isEqualTo("UP");
    assertThat(buyer.has("components")).as("a trader sees no details: " + buyer).isFalse();
  }

  @Test
  void badCredentialsOnAProbeAreRefusedLikeAnyRead() {
    Map<String, String> stale =
        signed("GET", "/actuator/health", "kp-registrar", Instant.now().minus(Duration.ofHours(1)));
    problem(send("GET", "/actuator/health", stale), 401, "DATE_OUTSIDE_WINDOW", "KP-Date");
  }

  @Test
  void metricsAreForOperatorsOnly() {
    assertThat(text("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    problem(send("GET", "/actuator/prometheus", Map.of()), 401, "MISSING_CREDENTIALS", null);
    problem(get("alpha-buyer", "/actuator/prometheus"), 403, "NOT_VISIBLE", null);
    problem(get("mt-monitor", "/actuator/prometheus"), 403, "NOT_VISIBLE", null);
    HttpResponse<String> auditor = text("/actuator/prometheus", "auditor-1");
    assertThat(auditor.statusCode()).isEqualTo(200);
    assertThat(auditor.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(auditor.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void theDatabaseBackupIsForOperatorsOnlyAndHoldsTheDatabaseAndTheCheckpointFile()
      throws Exception {
    assertThat(text("/actuator/backup", null).statusCode()).isEqualTo(401);
    problem(get("alpha-buyer", "/actuator/backup"), 403, "NOT_VISIBLE", null);
    problem(get("mt-monitor", "/actuator/backup"), 403, "NOT_VISIBLE", null);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/backup")).GET();
    signed("GET", "/actuator/backup", "kp-registrar", Instant.now()).forEach(b::header);
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (TestDatabase.postgres()) {
      assertThat(r.statusCode()).as("PostgreSQL is backed up with pg_dump").isEqualTo(404);
      return;
    }
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    java.util.Set<String> entries = new java.util.TreeSet<>();
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName() + (zip.readAllBytes().length > 0 ? "" : " (empty)"));
      }
    }
    assertThat(entries).contains("ledger.mv.db");
    assertThat(entries).anyMatch(e -> e.startsWith("checkpoints.txt"));
  }

  @Test
  void noOtherManagementEndpointExists() {
    for (String endpoint :
        new String[] {
          "/actuator",
          "/actuator/env",
          "/actuator/heapdump",
          "/actuator/beans",
          "/actuator/configprops",
          "/actuator/loggers",
          "/actuator/threaddump",
          "/actuator/metrics",
          "/actuator/shutdown",
          "/actuator/info",
          "/actuator/mappings"
        }) {
      assertThat(text(endpoint, "auditor-1").statusCode()).as(endpoint).isEqualTo(404);
    }
  }

  @Test
  void commandCountersMoveByTypeOutcomeAndRule() throws Exception {
    String zone = "{\"zoneId\":\"" + P + "Z1\",\"name\":\"Z1\",\"prefecture\":\"X\"}";
    String accepted = "kp_commands_total{outcome=\"accepted\",rule=\"none\",type=\"RegisterZone\"}";
    String taken =
        "kp_commands_total{outcome=\"refused\",rule=\"ALREADY_EXISTS\",type=\"RegisterZone\"}";
    String badSignature =
        "kp_commands_total{outcome=\"refused\",rule=\"BAD_SIGNATURE\",type=\"RegisterZone\"}";
    String unknownType =
        "kp_commands_total{outcome=\"refused\",rule=\"UNKNOWN_COMMAND_TYPE\",type=\"unknown\"}";
    String verified = "kp_signature_verify_seconds_count";
    String before = scrape();

    ok("kp-registrar", "RegisterZone", JSON.readTree(zone));
    assertThat(
            post(Envelopes.sign(PKI.get("kp-registrar"), "RegisterZone", JSON.readTree(zone)))
                .status())
        .isEqualTo(409);
    String highS =
        Envelopes.highS(
            Envelopes.sign(
                PKI.get("kp-registrar"), "RegisterZone", JSON.readTree(zone.replace("Z1", "Z2"))));
    assertThat(post(highS).status()).isEqualTo(401);
    assertThat(
            post(Envelopes.sign(PKI.get("kp-registrar"), "RegisterNothing", JSON.readTree(zone)))
                .status())
        .isEqualTo(400);

    String after = scrape();
    assertThat(value(after, accepted) - value(before, accepted)).isEqualTo(1);
    assertThat(value(after, taken) - value(before, taken)).isEqualTo(1);
    assertThat(value(after, badSignature) - value(before, badSignature)).isEqualTo(1);
    assertThat(value(after, unknownType) - value(before, unknownType)).isEqualTo(1);
    assertThat(value(after, verified) - value(before, verified))
        .as("signatures checked")
        .isEqualTo(3);
    assertThat(after).contains("kp_signature_verify_seconds_bucket");
  }

  @Test
  void logAndProjectionGaugesFollowTheStore() {
    ok(
        "kp-registrar",
        "RegisterZone",
        CarFixture.obj("zoneId", P + "Z3", "name", "Z3", "prefecture", "X"));
    long events = eventCount();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String metrics = scrape();
    while (value(metrics, "kp_log_tree_size_leaves") < events && Instant.now().isBefore(deadline)) {
      pause();
      metrics = scrape();
    }
    assertThat(value(metrics, "kp_log_tree_size_leaves")).isGreaterThanOrEqualTo(events);
    assertThat(metrics).containsPattern("kp_log_heads_waiting\\{sink=\"local\"\\} [0-9.]+");
    awaitProjections();
    assertThat(value(scrape(), "kp_projections_lag_events{processor=\"projections\"}")).isZero();
  }

  private String scrape() {
    HttpResponse<String> r = text("/actuator/prometheus", "auditor-1");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The value of the sample whose name and labels are exactly {@code series}, 0 if absent. */
  static double value(String exposition, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([-+0-9.eE]+|NaN)$")
            .matcher(exposition);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private HttpResponse<String> text(String target, String actor) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + target)).GET();
    if (actor != null) {
      signed("GET", target, actor, Instant.now()).forEach(b::header);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
