package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.publish.AnchoringProcessor;
import org.kpledger.audit.AuditReport;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * Three node processes on one PostgreSQL database behind HAProxy on loopback, as the README's
 * "Several nodes on one database" runs them. Four client threads send signed commands through the
 * proxy (each to a zone of its own and all to one shared zone, so that commands on different nodes
 * race for the same aggregate) while one node is killed with SIGKILL and restarted, and later the
 * node that signs tree heads is killed. A client resends the same envelope after a 502, 503 or a
 * lost connection, as the README tells clients to. Then: every acknowledged command's events are
 * stored exactly once and no other, the shared zone's decisions are in order (no command was judged
 * on a stale state), every event is exactly one leaf, every live node serves the same latest signed
 * head covering them all within seconds, their checkpoint files are byte for byte alike, and a
 * bundle exported through each live node verifies clean. Last, a revocation list recorded through
 * one node makes the other refuse the revoked certificate at once.
 *
 * <p>Runs in the PostgreSQL pass of {@code bin/test} (kp.test.postgres) with HAProxy named by
 * {@code kp.haproxy}; {@code bin/test} refuses to run without HAProxy when KP_REQUIRE_HAPROXY=1, as
 * {@code .ci/run} sets it.
 */
@EnabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class MultiNodeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 4;
  private static final int PER_PHASE = 24;
  private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
  private static final String SHARED_ZONE = "MN-SHARED";
  private static final String ALL = "from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<ClusterNode> nodes = new ArrayList<>();
  private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> acceptedDecisions = new ConcurrentHashMap<>();
  private final AtomicInteger sharedDays = new AtomicInteger();
  private final AtomicBoolean sending = new AtomicBoolean(true);
  private final AtomicInteger resent = new AtomicInteger();
  private final AtomicInteger retryAnswers = new AtomicInteger();
  private final Instant began = Instant.now();
  private Process haproxy;
  private Map<String, String> database;
  private TestPki pki;
  private int proxyPort;

  @AfterEach
  void stop() throws Exception {
    sending.set(false);
    for (ClusterNode n : nodes) {
      if (n.alive()) {
        n.killNine();
      }
    }
    if (haproxy != null) {
      haproxy.destroyForcibly().waitFor();
    }
  }

  @Test
  void threeNodesBehindHaproxyKeepOneLogThroughKillNine() throws Exception {
    String haproxyBinary = System.getProperty("kp.haproxy", "");
    Assumptions.assumeTrue(
        !haproxyBinary.isBlank(), "kp.haproxy names no HAProxy (bin/test sets it when installed)");
    Path root = Files.createTempDirectory("kp-multinode");
    database = TestDatabase.fresh().orElseThrow();
    pki = new TestPki(root.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
    pki.organisation("AUD-FA", OrganisationType.AUDITOR, true);
    TestPki.TestActor registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    TestPki.TestActor monitor = pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    TestPki.TestActor auditor = pki.actor("AUD-FA", "auditor-1", Role.AUDITOR);
    TestPki.TestActor fired = pki.actor("KP-MT", "mt-fired", Role.MONITOR);

    // the first node creates the schema and the log's tree head key; the others get a copy of it
    for (int i = 0; i < 3; i++) {
      nodes.add(node(root, i));
    }
    nodes.get(0).start().awaitUp(Duration.ofSeconds(120));
    progress("first node up");
    Path key = Path.of("node", "tree-head-key.pem");
    for (ClusterNode n : nodes.subList(1, 3)) {
      Files.createDirectories(n.dataDir().resolve(key).getParent());
      Files.copy(nodes.get(0).dataDir().resolve(key), n.dataDir().resolve(key));
      n.start();
    }
    for (ClusterNode n : nodes.subList(1, 3)) {
      n.awaitUp(Duration.ofSeconds(120));
    }
    startHaproxy(haproxyBinary, root);
    progress("three nodes up behind HAProxy");

    send(registrar, "RegisterZone", zone(SHARED_ZONE), true);
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String own = "MN-Z" + t;
      threads.add(clients.submit(() -> traffic(registrar, monitor, own)));
    }
    try {
      awaitAcknowledged(PER_PHASE, threads);
      ClusterNode first = nodes.get((publisher() + 1) % 3);
      first.killNine();
      progress("SIGKILLed the node on port " + first.port() + ", which does not sign");
      awaitAcknowledged(2 * PER_PHASE, threads);
      first.start(); // it rejoins while the clients go on; its readiness is awaited below
      progress("restarting it");
      int signing = publisher();
      ClusterNode signer = nodes.get(signing);
      signer.killNine();
      progress("SIGKILLed the signing node on port " + signer.port());
      int next = publisher();
      progress("the node on port " + nodes.get(next).port() + " took over signing");
      assertThat(next).isNotEqualTo(signing);
      awaitAcknowledged(acknowledged.size() + PER_PHASE, threads);
    } finally {
      sending.set(false);
      clients.shutdown();
    }
    for (Future<?> f : threads) {
      f.get();
    }
    progress("clients stopped");
    for (ClusterNode n : nodes) {
      if (n.alive()) {
        n.awaitUp(Duration.ofSeconds(120));
      }
    }
    progress("every live node ready");
    Instant ready = Instant.now();

    try (Connection db = connect()) {
      long events = count(db, "SELECT COUNT(*) FROM domain_event_entry");
      assertEveryAcknowledgedCommandStoredOnce(db, events);
      assertSharedZoneDecisionsInOrder(db);
      await(
          "every event a leaf",
          Duration.ofSeconds(60),
          () -> count(db, "SELECT COUNT(*) FROM merkle_leaf") >= events);
      assertThat(count(db, "SELECT COUNT(*) FROM merkle_leaf")).isEqualTo(events);
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS"
                      + " (SELECT 1 FROM merkle_leaf l WHERE l.event_id = CAST(e.event_identifier AS UUID))"))
          .as("events without a leaf")
          .isZero();
      assertThat(count(db, "SELECT COUNT(DISTINCT event_id) FROM merkle_leaf")).isEqualTo(events);
      assertThat(count(db, "SELECT MAX(leaf_index) + 1 FROM merkle_leaf")).isEqualTo(events);
      assertSameHeadEverywhere(events, ready);
    }
    progress("every event one leaf, one head everywhere");
    List<ClusterNode> live = nodes.stream().filter(ClusterNode::alive).toList();
    assertThat(live).hasSize(2);
    await(
        "every live node's checkpoint file alike",
        Duration.ofSeconds(30),
        () -> Arrays.equals(checkpoints(live.get(0)), checkpoints(live.get(1))));
    for (ClusterNode n : live) {
      AuditBundles audit = new AuditBundles(n.port(), root.resolve("trust"), auditor);
      AuditReport report = audit.verify(audit.export(ALL));
      assertThat(report.findings()).as("bundle through port " + n.port()).isEmpty();
    }
    aRevocationRecordedThroughOneNodeHoldsOnTheOther(live, monitor, fired);
  }

  /** A node refuses a certificate that another node's command revoked, from the next request. */
  private void aRevocationRecordedThroughOneNodeHoldsOnTheOther(
      List<ClusterNode> live, TestPki.TestActor monitor, TestPki.TestActor fired) throws Exception {
    HttpResponse<String> before =
        post(
            live.get(1),
            Envelopes.sign(
                fired, "RecordZoneDecision", decision("MN-Z0", FIRST_DAY.plusYears(20))));
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    String crl =
        Base64.getEncoder()
            .encodeToString(
                pki.revocationList("KP-MT", fired.certificate().getSerialNumber()).getEncoded());
    HttpResponse<String> published =
        post(
            live.get(0),
            Envelopes.sign(monitor, "PublishRevocationList", CarFixture.obj("crl", crl)));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    HttpResponse<String> after =
        post(
            live.get(1),
            Envelopes.sign(
                fired, "RecordZoneDecision", decision("MN-Z0", FIRST_DAY.plusYears(21))));
    assertThat(after.statusCode()).as(after.body()).isEqualTo(401);
    assertThat(after.body()).contains("CERTIFICATE_REVOKED");
  }

  private HttpResponse<String> post(ClusterNode node, String envelope) throws Exception {
    return http.send(
        HttpRequest.newBuilder(node.url("/api/commands"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(envelope))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ClusterNode node(Path root, int i) throws IOException {
    List<String> settings = new ArrayList<>(List.of(TestDatabase.arguments(database)));
    settings.add("--kp.multi-node=true");
    settings.add("--kp.trust-dir=" + root.resolve("trust"));
    return new ClusterNode(root.resolve("node" + i), ClusterNode.freePort(), settings);
  }

  /** HAProxy in front of the three nodes, as in the README; waits until it routes. */
  private void startHaproxy(String binary, Path root) throws Exception {
    proxyPort = ClusterNode.freePort();
    StringBuilder config =
        new StringBuilder(
            """
            defaults
              mode http
              timeout connect 2s
              timeout client 60s
              timeout server 60s
              retries 3
              option redispatch
            frontend ledger
              bind 127.0.0.1:%d
              default_backend nodes
            backend nodes
              balance roundrobin
              option httpchk GET /actuator/health/readiness
              default-server inter 500ms fall 2 rise 2
            """
                .formatted(proxyPort));
    for (int i = 0; i < nodes.size(); i++) {
      config.append("  server node").append(i).append(" 127.0.0.1:");
      config.append(nodes.get(i).port()).append(" check\n");
    }
    Path file = root.resolve("haproxy.cfg");
    Files.writeString(file, config.toString());
    haproxy =
        new ProcessBuilder(binary, "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("haproxy.log").toFile())
            .start();
    await(
        "HAProxy routes to the nodes",
        Duration.ofSeconds(30),
        () -> status(URI.create("http://127.0.0.1:" + proxyPort + "/api/status")) == 200);
  }

  /** One client: its own zone, then decisions on it and on the shared zone, until told to stop. */
  private Void traffic(TestPki.TestActor registrar, TestPki.TestActor monitor, String own)
      throws Exception {
    send(registrar, "RegisterZone", zone(own), true);
    for (int day = 1; sending.get(); day++) {
      send(monitor, "RecordZoneDecision", decision(own, FIRST_DAY.plusDays(day)), true);
      LocalDate shared = FIRST_DAY.plusDays(sharedDays.incrementAndGet());
      // a decision dated before one another client got in first is refused (422): not an error
      send(monitor, "RecordZoneDecision", decision(SHARED_ZONE, shared), false);
    }
    return null;
  }

  /**
   * Sends an envelope through the proxy until it gets a final answer, resending the same envelope
   * after a 502, 503 or 504 or a lost connection; records what was acknowledged.
   */
  private void send(TestPki.TestActor actor, String type, JsonNode payload, boolean mustPass)
      throws Exception {
    String envelope = Envelopes.sign(actor, type, payload);
    String commandId = JSON.readTree(envelope).path("commandId").asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r;
      try {
        r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxyPort + "/api/commands"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException lost) {
        resent.incrementAndGet();
        continue;
      }
      if (r.statusCode() == 502 || r.statusCode() == 503 || r.statusCode() == 504) {
        if (r.statusCode() == 503 && r.body().contains("\"rule\"")) {
          assertThat(r.headers().firstValue("Retry-After")).as(r.body()).isPresent();
          retryAnswers.incrementAndGet();
        }
        resent.incrementAndGet();
        Thread.sleep(50); // back off before resending, so the proxy sees the node gone
        continue;
      }
      if (r.statusCode() == 200) {
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.body()).path("eventIds").forEach(id -> ids.add(id.asText()));
        List<String> before = acknowledged.putIfAbsent(commandId, ids);
        assertThat(before == null || before.equals(ids)).as("a retry's answer").isTrue();
        String zone = payload.path("zoneId").asText();
        if (type.equals("RecordZoneDecision")) {
          acceptedDecisions.computeIfAbsent(zone, z -> new AtomicInteger()).incrementAndGet();
        }
        return;
      }
      assertThat(mustPass).as(type + " " + r.statusCode() + " " + r.body()).isFalse();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      assertThat(r.body()).contains("ZONE_DECISION_OUT_OF_ORDER");
      return;
    }
    throw new AssertionError(type + " got no final answer within 90 s");
  }

  private void assertEveryAcknowledgedCommandStoredOnce(Connection db, long events)
      throws SQLException {
    Set<String> stored = new HashSet<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_identifier FROM domain_event_entry")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    Set<String> acked = new HashSet<>();
    acknowledged.values().forEach(acked::addAll);
    assertThat(acked).as("events acknowledged").hasSize(acknowledged.size());
    assertThat(stored).as("events stored").hasSize((int) events).isEqualTo(acked);
    for (Map.Entry<String, AtomicInteger> zone : acceptedDecisions.entrySet()) {
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                      + zone.getKey()
                      + "'"))
          .as("events of zone " + zone.getKey())
          .isEqualTo(1 + zone.getValue().get());
    }
  }

  /** The shared zone's decisions, in the order stored, take effect on ever later days. */
  private void assertSharedZoneDecisionsInOrder(Connection db) throws Exception {
    List<LocalDate> days = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = '"
                    + SHARED_ZONE
                    + "' AND sequence_number > 0 ORDER BY sequence_number")) {
      while (rs.next()) {
        JsonNode event = JSON.readTree(org.kpledger.eventstore.PackedJson.unpack(rs.getBytes(1)));
        days.add(LocalDate.parse(event.path("effectiveFrom").asText()));
      }
    }
    assertThat(days).isNotEmpty().isSorted().doesNotHaveDuplicates();
  }

  /** Every live node serves one latest signed head, covering every event, within seconds. */
  private void assertSameHeadEverywhere(long events, Instant ready) throws Exception {
    await(
        "every live node serves the head of size " + events,
        Duration.ofSeconds(30),
        () -> {
          Set<String> heads = new HashSet<>();
          for (ClusterNode n : nodes) {
            if (n.alive()) {
              heads.add(get(n.url("/api/log/checkpoint")));
            }
          }
          if (heads.size() != 1 || heads.contains(null)) {
            return false;
          }
          return CheckpointVerifier.fromVerifierKey(get(liveUrl("/api/log/verifier-key")))
                  .verify(heads.iterator().next())
                  .size()
              == events;
        });
    System.out.println(
        "MultiNodeIT: every live node served the head of size "
            + events
            + " "
            + Duration.between(ready, Instant.now()).toMillis()
            + " ms after the clients stopped and every live node was ready");
  }

  /** The index of the node whose anchoring processor holds the segment, and so signs heads. */
  private int publisher() throws Exception {
    int[] found = {-1};
    try (Connection db = connect()) {
      await(
          "a live node owns the anchoring segment",
          Duration.ofSeconds(60),
          () -> {
            try (Statement s = db.createStatement();
                ResultSet rs =
                    s.executeQuery(
                        "SELECT owner FROM token_entry WHERE processor_name = '"
                            + AnchoringProcessor.PROCESSING_GROUP
                            + "'")) {
              String owner = rs.next() ? rs.getString(1) : null;
              for (int i = 0; i < nodes.size(); i++) {
                if (owner != null
                    && nodes.get(i).alive()
                    && owner.startsWith(nodes.get(i).pid() + "@")) {
                  found[0] = i;
                  return true;
                }
              }
              return false;
            }
          });
    }
    return found[0];
  }

  private void progress(String what) {
    System.out.printf(
        "MultiNodeIT %5.1f s: %s (%d acknowledged, %d resent, %d answered 503 RETRY)%n",
        Duration.between(began, Instant.now()).toMillis() / 1000.0,
        what,
        acknowledged.size(),
        resent.get(),
        retryAnswers.get());
  }

  private void awaitAcknowledged(int commands, List<Future<?>> threads) throws Exception {
    await(
        commands + " commands acknowledged",
        Duration.ofSeconds(120),
        () -> {
          for (Future<?> f : threads) {
            if (f.isDone()) {
              try {
                f.get();
              } catch (Exception e) {
                throw new IllegalStateException("a client failed", e);
              }
            }
          }
          return acknowledged.size() >= commands;
        });
  }

  private String liveUrl(String path) {
    return nodes.stream().filter(ClusterNode::alive).findFirst().orElseThrow().url(path).toString();
  }

  private String get(URI url) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String get(String url) {
    return get(URI.create(url));
  }

  private int status(URI url) {
    try {
      return http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static byte[] checkpoints(ClusterNode n) {
    try {
      return Files.readAllBytes(n.dataDir().resolve("checkpoints.txt"));
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.get("spring.datasource.url"), database.get("spring.datasource.username"), "");
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Polls {@code condition} until it holds, at most {@code limit}. */
  private static void await(String what, Duration limit, Condition condition) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not within " + limit + ": " + what);
  }

  /** A condition that may read the database. */
  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static JsonNode zone(String id) {
    return CarFixture.obj("zoneId", id, "name", id, "prefecture", "Lobaye");
  }

  private static JsonNode decision(String zone, LocalDate day) {
    return CarFixture.obj(
        "zoneId",
        zone,
        "status",
        "COMPLIANT",
        "effectiveFrom",
        day.toString(),
        "decisionRef",
        "MultiNodeIT " + zone + " " + day);
  }
}
