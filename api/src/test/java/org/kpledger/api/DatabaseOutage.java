package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * What a node must do while its database is out of reach and after: commands and reads answered 503
 * problem+json with {@code Retry-After} and nothing of the database, the envelope or a stack in the
 * body, readiness down and liveness up; once the database is back, ready again by itself, and every
 * command it acknowledged before, during and after the outage present exactly once (its retry
 * answered from its receipt), every command refused 503 accepted when sent again.
 */
final class DatabaseOutage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RECOVERY = Duration.ofSeconds(150);

  /** Takes the database away, or gives it back. */
  interface Breaker {
    void breakDatabase() throws Exception;
  }

  private final TestPki pki;
  private final TestPki.TestActor registrar;

  /** commandId order kept: the acknowledged envelopes and their first answers. */
  private final Map<String, String> acknowledged = new LinkedHashMap<>();

  private final List<String> refused = new ArrayList<>();

  /** Batches of two commands: acknowledged (with their first answers) and refused 503. */
  private final Map<String, String> acknowledgedBatches = new LinkedHashMap<>();

  private final List<String> refusedBatches = new ArrayList<>();
  private int sent;

  DatabaseOutage(Path dataDir) throws Exception {
    pki = new TestPki(dataDir.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
  }

  /** One new zone, signed by the registrar: one event when accepted. */
  String nextCommand() {
    int n = sent++;
    return Envelopes.sign(
        registrar,
        "RegisterZone",
        CarFixture.obj("zoneId", "Z" + n, "name", "Zone " + n, "prefecture", "Lobaye"));
  }

  /** Sends one new command; records it as acknowledged (200) or refused for the outage (503). */
  int send(NodeProcess node) throws Exception {
    String envelope = nextCommand();
    HttpResponse<String> r = node.post("/api/commands", envelope);
    if (r.statusCode() == 200) {
      acknowledged.put(envelope, r.body());
    } else {
      assertUnavailable(r, envelope);
      refused.add(envelope);
    }
    return r.statusCode();
  }

  /** Sends a batch of two new commands; records it as acknowledged or refused for the outage. */
  int sendBatch(NodeProcess node) throws Exception {
    String batch = "{\"commands\":[" + nextCommand() + "," + nextCommand() + "]}";
    HttpResponse<String> r = node.post("/api/commands/batch", batch);
    if (r.statusCode() == 200) {
      acknowledgedBatches.put(batch, r.body());
    } else {
      assertUnavailable(r, "");
      refusedBatches.add(batch);
    }
    return r.statusCode();
  }

  /**
   * The whole scenario: commands acknowledged, {@code outage} run, commands sent until one is
   * answered 503 (some may still be acknowledged), probes and reads checked while down, {@code
   * mend} run, then recovery and the ledger's contents checked.
   */
  void run(NodeProcess node, Breaker outage, Breaker mend) throws Exception {
    long eventsBefore = events(node);
    for (int i = 0; i < 10; i++) {
      assertThat(send(node)).as("before the outage").isEqualTo(200);
    }
    assertThat(sendBatch(node)).as("a batch before the outage").isEqualTo(200);
    outage.breakDatabase();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (refused.isEmpty() && Instant.now().isBefore(deadline)) {
      send(node);
    }
    assertThat(refused).as("a command answered 503 during the outage").isNotEmpty();
    await(node, "/actuator/health/readiness", s -> s == 503, Duration.ofSeconds(60));
    assertThat(node.get("/actuator/health/liveness").statusCode()).as("alive").isEqualTo(200);
    HttpResponse<String> status = node.get("/api/status");
    assertThat(status.statusCode()).as(status.body()).isEqualTo(503);
    assertUnavailable(status, "");
    assertUnavailable(signedRead(node), "");
    assertThat(send(node)).as("a command while the database is down").isEqualTo(503);
    assertThat(sendBatch(node)).as("a batch while the database is down").isEqualTo(503);

    mend.breakDatabase();
    await(node, "/actuator/health/readiness", s -> s == 200, RECOVERY);
    assertThat(node.alive()).as("the node recovered by itself, without a restart").isTrue();
    for (String envelope : refused) {
      HttpResponse<String> r = node.post("/api/commands", envelope);
      assertThat(r.statusCode()).as("sent again after the outage: " + r.body()).isEqualTo(200);
    }
    for (String batch : refusedBatches) {
      HttpResponse<String> r = node.post("/api/commands/batch", batch);
      assertThat(r.statusCode()).as("a batch sent again: " + r.body()).isEqualTo(200);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(send(node)).as("a new command after the outage").isEqualTo(200);
    }
    HttpResponse<String> read = signedRead(node);
    assertThat(read.statusCode()).as("a read after the outage: " + read.body()).isEqualTo(200);
    for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
      HttpResponse<String> r = node.post("/api/commands", ack.getKey());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(JSON.readTree(r.body()))
          .as("an acknowledged command's retry is answered from its durable receipt")
          .isEqualTo(JSON.readTree(ack.getValue()));
    }
    for (Map.Entry<String, String> ack : acknowledgedBatches.entrySet()) {
      HttpResponse<String> r = node.post("/api/commands/batch", ack.getKey());
      assertThat(JSON.readTree(r.body()))
          .as("an acknowledged batch's retry is answered from its members' receipts")
          .isEqualTo(JSON.readTree(ack.getValue()));
    }
    long batched = 2L * (acknowledgedBatches.size() + refusedBatches.size());
    assertThat(events(node))
        .as(
            "every command once: %d acknowledged, %d sent again, %d in batches",
            acknowledged.size(), refused.size(), batched)
        .isEqualTo(eventsBefore + acknowledged.size() + refused.size() + batched);
  }

  /** The registrar's signed read of the zones. */
  private HttpResponse<String> signedRead(NodeProcess node) throws Exception {
    return node.get(
        "/api/zones",
        SignedRequest.headers(
            "GET", "/api/zones", Instant.now(), registrar.certificate(), registrar.key()));
  }

  private static long events(NodeProcess node) throws Exception {
    HttpResponse<String> r = node.get("/api/status");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("events").asLong();
  }

  /** 503 problem+json, rule DATABASE_UNAVAILABLE, Retry-After, and no internals in the body. */
  static void assertUnavailable(HttpResponse<String> r, String envelope) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
    assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.path("rule").asText()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(p.path("status").asInt()).isEqualTo(503);
    assertThat(r.body())
        .doesNotContainIgnoringCase("sql")
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("org.")
        .doesNotContain("\tat ")
        .doesNotContainIgnoringCase("jdbc");
    if (!envelope.isEmpty()) {
      String signature = JSON.readTree(envelope).path("signature").asText();
      assertThat(r.body()).doesNotContain(signature).doesNotContain("Zone ");
    }
  }

  /** Polls {@code path} until its status satisfies {@code wanted}, or fails at the deadline. */
  static void await(NodeProcess node, String path, IntPredicate wanted, Duration within)
      throws Exception {
    Instant deadline = Instant.now().plus(within);
    int last = node.get(path).statusCode();
    while (!wanted.test(last) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      last = node.get(path).statusCode();
    }
    assertThat(last)
        .as(path + " within " + within + "; node log:\n" + tail(node))
        .matches(wanted::test);
  }

  private static String tail(NodeProcess node) {
    String log = node.log();
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }
}
