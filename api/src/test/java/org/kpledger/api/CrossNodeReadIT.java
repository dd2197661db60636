package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.api.storage.AggregateLocks;
import org.kpledger.eventstore.PackedJson;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * Two node processes on one PostgreSQL database ({@code kp.multi-node=true}): a command judged on
 * an item it only reads (a purchase reads its miner's zone) and a command of the other node that
 * changes that item (the Monitoring Team suspends the zone) cannot interleave. A connection of the
 * test plays a third node's transaction: holding the database lock of the site a purchase draws on
 * next, it stops the purchase after it read the zone and before it commits, which is the moment a
 * suspension on the other node would make its judgement stale. The suspension must then wait, and
 * be stored after the purchase, which was judged on the zone as it stood before it; without the
 * lock on what a command reads, the suspension commits at once and the log holds a purchase judged
 * compliant after the zone's suspension. Then: a command that waits longer than the lock timeout
 * for another node is answered {@code 503 RETRY}, records nothing, and passes when sent again.
 * Last, traffic: purchases through one node while the other flips their zone, every purchase's
 * recorded compliance checked against the decisions stored before it.
 *
 * <p>Runs in the PostgreSQL pass of {@code bin/test} ({@code kp.test.postgres}).
 */
@EnabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class CrossNodeReadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private Map<String, String> database;
  private TestPki pki;
  private Path trust;

  @AfterEach
  void stop() throws Exception {
    for (NodeProcess n : nodes) {
      n.close();
    }
  }

  @Test
  void aCommandReadingAnItemWaitsForAnotherNodesChangeOfIt() throws Exception {
    Path root = Files.createTempDirectory("kp-cross-node");
    database = TestDatabase.fresh().orElseThrow();
    trust = root.resolve("trust");
    pki = new TestPki(trust);
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
    pki.organisation("COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, true);
    pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    pki.actor("COLL-MK", "col-ndoumba", Role.COLLECTOR);
    pki.actor("COLL-MK", "col-yakite", Role.COLLECTOR);

    // the purchase's node waits as long as the test needs; the other node gives up after 5 s
    NodeProcess buyers = start(root.resolve("node1"), "--kp.multi-node-lock-timeout=120s");
    Path key = Path.of("node", "tree-head-key.pem");
    Files.createDirectories(root.resolve("node2").resolve(key).getParent());
    Files.copy(root.resolve("node1").resolve(key), root.resolve("node2").resolve(key));
    NodeProcess monitors = start(root.resolve("node2"), "--kp.multi-node-lock-timeout=5s");
    CarFixture car = new CarFixture((actor, type, p) -> ok(buyers, actor, type, p), "XN-").setUp();
    String zone = car.west();
    String site = car.p + "S-W";
    String lot = car.p + "LOT-1";

    try (Connection otherNode = connect()) {
      otherNode.setAutoCommit(false);
      lock(otherNode, site);
      CompletableFuture<HttpResponse<String>> purchase =
          send(
              buyers,
              "col-ndoumba",
              "RecordPurchase",
              car.purchase("LOT-1", "M-1", "S-W", "1.00", "AGR-1", 2));
      await("the purchase to wait for the site", () -> waiters(site) == 1);
      assertThat(holders(zone)).as("the purchase holds the zone it read").isEqualTo(1);

      CompletableFuture<HttpResponse<String>> suspension =
          send(
              monitors,
              "mt-monitor",
              "RecordZoneDecision",
              CarFixture.obj(
                  "zoneId",
                  zone,
                  "status",
                  "SUSPENDED",
                  "effectiveFrom",
                  car.today.minusDays(5).toString(),
                  "decisionRef",
                  "MT mission report"));
      await(
          "the suspension to wait or be answered", () -> waiters(zone) == 1 || suspension.isDone());
      assertThat(suspension)
          .as("the other node's suspension waits for the purchase that read the zone")
          .isNotDone();
      assertThat(purchase).isNotDone();

      otherNode.commit();
      HttpResponse<String> purchased = purchase.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      HttpResponse<String> suspended = suspension.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      assertThat(purchased.statusCode()).as(purchased.body()).isEqualTo(200);
      assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
    }

    try (Connection db = connect()) {
      long purchasedAt = globalIndex(db, lot, "= 0");
      long suspendedAt =
          globalIndex(
              db,
              zone,
              "= (SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?)");
      assertThat(purchasedAt)
          .as("the purchase is stored before the suspension")
          .isLessThan(suspendedAt);
      assertThat(payload(db, lot).path("zoneCompliantOnPurchaseDay").asBoolean())
          .as("and was judged on the zone before it")
          .isTrue();
      assertThat(advisoryLocks(db)).as("locks left once the transactions ended").isZero();
    }

    // a command that another node keeps waiting past the lock timeout: 503 RETRY, nothing stored
    String late =
        Envelopes.sign(
            pki.get("col-yakite"),
            "RecordPurchase",
            car.purchase("LOT-2", "M-2", "S-W", "1.00", "AGR-2", 1));
    try (Connection otherNode = connect()) {
      otherNode.setAutoCommit(false);
      lock(otherNode, zone);
      HttpResponse<String> refused = monitors.post("/api/commands", late);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(refused.body()).path("rule").asText()).isEqualTo("RETRY");
      try (Connection db = connect()) {
        assertThat(events(db, car.p + "LOT-2")).as("nothing of it stored").isZero();
      }
      otherNode.commit();
    }
    HttpResponse<String> again = monitors.post("/api/commands", late);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    try (Connection db = connect()) {
      assertThat(events(db, car.p + "LOT-2")).isEqualTo(1);
      assertThat(payload(db, car.p + "LOT-2").path("zoneCompliantOnPurchaseDay").asBoolean())
          .as("judged on the suspension")
          .isFalse();
    }

    purchasesOnOneNodeAgreeWithTheZoneDecisionsOfTheOther(car, buyers, monitors);
  }

  /**
   * Traffic: collectors' purchases in the eastern zone through one node (one at a time) and the
   * other (in batches), while the Monitoring Team flips that zone between suspended and compliant
   * through the other, every decision effective before the purchases' day. Each purchase records
   * whether its zone was compliant on its day; that must be what the zone's decisions stored before
   * it say. (Without the database lock on what a command reads, 698 of 1,187 purchases disagreed in
   * a 40-second run of this traffic.) The purchases' node keeps the zone in its aggregate cache,
   * which must serve it only while the other node has not decided on it since (with the cache
   * unchecked, 46 purchases disagreed in one run).
   */
  private void purchasesOnOneNodeAgreeWithTheZoneDecisionsOfTheOther(
      CarFixture car, NodeProcess buyers, NodeProcess monitors) throws Exception {
    String zone = car.east();
    AtomicBoolean going = new AtomicBoolean(true);
    AtomicInteger purchases = new AtomicInteger();
    AtomicInteger decisions = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(5);
    List<Future<?>> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      String thread = "E" + t + "-";
      threads.add(
          clients.submit(
              () -> {
                for (int i = 0; going.get(); i++) {
                  String envelope =
                      Envelopes.sign(
                          pki.get("col-ndoumba"),
                          "RecordPurchase",
                          car.purchase(thread + i, "M-E", "S-E", "0.01", "AGR-1", 2));
                  if (sendUntilAnswered(buyers, envelope)) {
                    purchases.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    threads.add(
        clients.submit(
            () -> {
              // batches of five purchases through the other node: a batch holds its locks until
              // its one transaction commits
              for (int i = 0; going.get(); i++) {
                List<String> members = new ArrayList<>();
                for (int m = 0; m < 5; m++) {
                  members.add(
                      Envelopes.sign(
                          pki.get("col-yakite"),
                          "RecordPurchase",
                          car.purchase("EB-" + i + "-" + m, "M-E", "S-E", "0.01", "AGR-2", 2)));
                }
                String batch = "{\"commands\":[" + String.join(",", members) + "]}";
                while (true) {
                  HttpResponse<String> r = monitors.post("/api/commands/batch", batch);
                  if (r.statusCode() == 200) {
                    purchases.addAndGet(members.size());
                    break;
                  }
                  assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                }
              }
              return null;
            }));
    threads.add(
        clients.submit(
            () -> {
              LocalDate from = LocalDate.of(2013, 6, 1);
              for (int k = 0; going.get(); k++) {
                String envelope =
                    Envelopes.sign(
                        pki.get("mt-monitor"),
                        "RecordZoneDecision",
                        CarFixture.obj(
                            "zoneId",
                            zone,
                            "status",
                            k % 2 == 0 ? "COMPLIANT" : "SUSPENDED",
                            "effectiveFrom",
                            from.plusDays(k).toString(),
                            "decisionRef",
                            "MT review " + k));
                if (sendUntilAnswered(monitors, envelope)) {
                  decisions.incrementAndGet();
                }
              }
              return null;
            }));
    try {
      await("purchases and decisions", () -> purchases.get() >= 150 && decisions.get() >= 50);
    } finally {
      going.set(false);
      clients.shutdown();
    }
    for (Future<?> f : threads) {
      f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    TreeMap<Long, Boolean> compliantAfter = new TreeMap<>();
    int checked = 0;
    List<String> disagreeing = new ArrayList<>();
    try (Connection db = connect()) {
      try (PreparedStatement s =
          db.prepareStatement(
              "SELECT global_index, payload FROM domain_event_entry"
                  + " WHERE aggregate_identifier = ? AND sequence_number > 0")) {
        s.setString(1, zone);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            JsonNode decision = JSON.readTree(PackedJson.unpack(rs.getBytes(2)));
            compliantAfter.put(rs.getLong(1), decision.path("status").asText().equals("COMPLIANT"));
          }
        }
      }
      try (PreparedStatement s =
          db.prepareStatement(
              "SELECT global_index, aggregate_identifier, payload FROM domain_event_entry"
                  + " WHERE aggregate_identifier LIKE ? AND sequence_number = 0")) {
        s.setString(1, car.p + "E_-%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            checked++;
            boolean recorded =
                JSON.readTree(PackedJson.unpack(rs.getBytes(3)))
                    .path("zoneCompliantOnPurchaseDay")
                    .asBoolean();
            if (recorded != compliantAfter.lowerEntry(rs.getLong(1)).getValue()) {
              disagreeing.add(rs.getString(2));
            }
          }
        }
      }
    }
    assertThat(compliantAfter.size()).as("decisions stored").isEqualTo(decisions.get() + 2);
    assertThat(checked).as("purchases stored").isEqualTo(purchases.get());
    assertThat(disagreeing)
        .as("purchases whose recorded compliance the decisions stored before them contradict")
        .isEmpty();
    // the purchases' node kept the zone in its cache: served while the other node left it alone,
    // dropped and replayed after each of its decisions
    assertThat(aggregateCache(buyers, "served")).as("entries served").isPositive();
    assertThat(aggregateCache(buyers, "stale")).as("entries found stale").isPositive();
  }

  /** The node's {@code kp.aggregates.cache} count of an outcome, read as an operator would. */
  private double aggregateCache(NodeProcess node, String outcome) throws Exception {
    TestPki.TestActor registrar = pki.get("kp-registrar");
    String target = "/actuator/prometheus";
    HttpResponse<String> r =
        node.get(
            target,
            SignedRequest.headers(
                "GET", target, Instant.now(), registrar.certificate(), registrar.key()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Matcher m =
        Pattern.compile(
                "(?m)^kp_aggregates_cache_total\\{[^}]*outcome=\""
                    + outcome
                    + "\"[^}]*} ([0-9.E+]+)$")
            .matcher(r.body());
    assertThat(m.find()).as("kp_aggregates_cache_total{outcome=%s}", outcome).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** Sends until a final answer, resending after 503 RETRY; whether it was accepted. */
  private static boolean sendUntilAnswered(NodeProcess node, String envelope) throws Exception {
    while (true) {
      HttpResponse<String> r = node.post("/api/commands", envelope);
      if (r.statusCode() == 200) {
        return true;
      }
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    }
  }

  private NodeProcess start(Path data, String... settings) throws Exception {
    Files.createDirectories(data);
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--kp.multi-node=true",
                "--kp.trust-dir=" + trust,
                "--kp.anchoring.every-interval=PT0.2S"));
    arguments.addAll(List.of(TestDatabase.arguments(database)));
    arguments.addAll(List.of(settings));
    NodeProcess node = NodeProcess.start(data, arguments);
    nodes.add(node);
    return node;
  }

  private JsonNode ok(NodeProcess node, String actor, String type, JsonNode payload) {
    try {
      HttpResponse<String> r =
          node.post("/api/commands", Envelopes.sign(pki.get(actor), type, payload));
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(type, e);
    }
  }

  private CompletableFuture<HttpResponse<String>> send(
      NodeProcess node, String actor, String type, JsonNode payload) {
    String envelope = Envelopes.sign(pki.get(actor), type, payload);
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return node.post("/api/commands", envelope);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Takes the item's lock in this connection's transaction, as a node's command does. */
  private static void lock(Connection c, String aggregateId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, AggregateLocks.key(aggregateId));
      s.executeQuery().close();
    }
  }

  private long waiters(String aggregateId) throws SQLException {
    return locks(aggregateId, false);
  }

  private long holders(String aggregateId) throws SQLException {
    return locks(aggregateId, true);
  }

  /** Transactions that hold (or wait for) the item's lock, seen from the database. */
  private long locks(String aggregateId, boolean granted) throws SQLException {
    long key = AggregateLocks.key(aggregateId);
    try (Connection db = connect();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1"
                    + " AND classid = CAST(? AS oid) AND objid = CAST(? AS oid) AND granted = ?")) {
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xFFFF_FFFFL);
      s.setBoolean(3, granted);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long advisoryLocks(Connection db) throws SQLException {
    try (PreparedStatement s =
            db.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long globalIndex(Connection db, String aggregateId, String sequence)
      throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number "
                + sequence)) {
      s.setString(1, aggregateId);
      if (sequence.contains("?")) {
        s.setString(2, aggregateId);
      }
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("an event of " + aggregateId).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private static long events(Connection db, String aggregateId) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
      s.setString(1, aggregateId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static JsonNode payload(Connection db, String aggregateId) throws Exception {
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0")) {
      s.setString(1, aggregateId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return JSON.readTree(PackedJson.unpack(rs.getBytes(1)));
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        database.get("spring.datasource.url"),
        database.get("spring.datasource.username"),
        database.get("spring.datasource.password"));
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(String what, Condition condition) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      Thread.sleep(20);
    }
  }
}
