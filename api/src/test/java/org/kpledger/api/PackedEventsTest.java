package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.api.processing.StoredPayloadType;
import org.kpledger.audit.AuditReport;
import org.kpledger.eventstore.PackedJson;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events' JSON kept packed ({@code kp.event-store.pack-json}) on a store that already holds events
 * kept as plain JSON: the upgraded node packs what it writes, reads both forms for an aggregate's
 * history and for its processors, and the whole log's bundle verifies clean, so every leaf anchored
 * from a packed event is the leaf of the same JSON; envelopes likewise (kept as text before, packed
 * after, each served as signed). On H2, or on PostgreSQL when {@link TestDatabase} names a server.
 */
class PackedEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> database = TestDatabase.fresh().orElse(Map.of());
  private final List<String> sent = new ArrayList<>();

  @TempDir Path dataDir;
  private TestPki pki;

  @BeforeEach
  void enrol() throws Exception {
    pki = new TestPki(dataDir.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
    pki.organisation("AUD-FA", OrganisationType.AUDITOR, true);
    pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    pki.actor("AUD-FA", "auditor-1", Role.AUDITOR);
  }

  @Test
  void givenEventsStoredPlainWhenTheNodePacksNewOnesThenBothFormsReadAndTheLogVerifies()
      throws Exception {
    ConfigurableApplicationContext plain = start("--kp.event-store.pack-json=false");
    try {
      zone(port(plain), "OLD-0");
      audit(port(plain)).awaitCheckpoint(2);
    } finally {
      plain.close();
    }
    assertThat(rows()).as("pack-json=false").hasSize(2).allMatch(Row::plain);
    assertThat(count("SELECT COUNT(*) FROM command_envelope WHERE packed_envelope IS NULL"))
        .as("envelopes kept as text")
        .isEqualTo(2);

    ConfigurableApplicationContext node = start();
    try {
      zone(port(node), "NEW-0");
      // OLD-0's plain history is read to judge this command; its new event is packed
      decision(port(node), "OLD-0", "2017-03-01", "MT-OLD-0-b");
      audit(port(node)).awaitCheckpoint(5);
    } finally {
      node.close();
    }
    List<Row> rows = rows();
    assertThat(rows).hasSize(5);
    assertThat(rows.subList(0, 2)).as("written before").allMatch(Row::plain);
    assertThat(rows.subList(2, 5)).as("written by the packing node").allMatch(Row::packed);
    for (Row row : rows.subList(2, 5)) {
      assertThat(JSON.readTree(PackedJson.unpack(row.payload())).isObject()).isTrue();
      JsonNode meta = JSON.readTree(PackedJson.unpack(row.metaData()));
      assertThat(meta.path("envelopeSha256").asText()).hasSize(64);
      assertThat(row.metaData().length + row.payload().length)
          .as("packed payload and metadata against their JSON")
          .isLessThan(
              (PackedJson.unpack(row.metaData()).length + PackedJson.unpack(row.payload()).length)
                  * 2
                  / 3);
    }

    List<byte[]> envelopes =
        bytes("SELECT packed_envelope FROM command_envelope WHERE envelope IS NULL");
    assertThat(envelopes).as("the packing node's envelopes").hasSize(3);
    assertThat(envelopes).allMatch(PackedJson::isPacked);
    assertThat(envelopes)
        .as("kept without their beginning, the command's own id")
        .allSatisfy(
            e ->
                assertThat(new String(PackedJson.unpack(e), StandardCharsets.UTF_8))
                    .startsWith("+\"commandType\":"));

    // a fresh process: no aggregate cached, OLD-0's history now plain and packed
    ConfigurableApplicationContext again = start();
    try {
      decision(port(again), "OLD-0", "2018-03-01", "MT-OLD-0-c");
      AuditBundles audit = audit(port(again));
      audit.awaitCheckpoint(6);
      AuditReport report =
          audit.verify(audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z"));
      assertThat(report.findings()).as("leaves of plain and packed events").isEmpty();
      assertThat(report.summary().events()).isEqualTo(6);
      assertThat(report.summary().envelopes()).as("text and packed, each as signed").isEqualTo(6);
      JsonNode history = JSON.readTree(get(port(again), "/api/history/OLD-0"));
      assertThat(history.findValuesAsText("decisionRef"))
          .containsExactly("MT-OLD-0", "MT-OLD-0-b", "MT-OLD-0-c");
      assertThat(history.findValuesAsText("envelope"))
          .as("OLD-0's envelopes as signed: two kept as text, two packed")
          .containsExactly(sent.get(0), sent.get(1), sent.get(4), sent.get(5));
    } finally {
      again.close();
    }
  }

  private record Row(String payloadType, byte[] payload, byte[] metaData) {
    /** Packed JSON and the payload type without its package prefix ({@link StoredPayloadType}). */
    boolean packed() {
      return PackedJson.isPacked(payload)
          && PackedJson.isPacked(metaData)
          && payloadType.startsWith(".zone.");
    }

    boolean plain() {
      return !PackedJson.isPacked(payload)
          && !PackedJson.isPacked(metaData)
          && payloadType.startsWith("org.kpledger.zone.");
    }
  }

  private List<Row> rows() throws SQLException {
    List<Row> out = new ArrayList<>();
    try (Connection c = connect();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT payload_type, payload, meta_data FROM domain_event_entry"
                        + " ORDER BY global_index")) {
      while (r.next()) {
        out.add(new Row(r.getString(1), r.getBytes(2), r.getBytes(3)));
      }
    }
    return out;
  }

  private List<byte[]> bytes(String sql) throws SQLException {
    List<byte[]> out = new ArrayList<>();
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getBytes(1));
      }
    }
    return out;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + dataDir);
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(TestDatabase.arguments(database)));
    args.addAll(Arrays.asList(extra));
    return LedgerApplication.start(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private AuditBundles audit(int port) throws Exception {
    return new AuditBundles(port, dataDir.resolve("trust"), pki.get("auditor-1"));
  }

  /** Registers a zone and records its first decision: two commands, two events. */
  private void zone(int port, String zone) throws Exception {
    send(
        port,
        "kp-registrar",
        "RegisterZone",
        obj("zoneId", zone, "name", zone, "prefecture", "Haute-Kotto"));
    decision(port, zone, "2016-05-01", "MT-" + zone);
  }

  private void decision(int port, String zone, String from, String ref) throws Exception {
    send(
        port,
        "mt-monitor",
        "RecordZoneDecision",
        obj("zoneId", zone, "status", "COMPLIANT", "effectiveFrom", from, "decisionRef", ref));
  }

  private void send(int port, String actor, String type, JsonNode payload) throws Exception {
    String envelope = Envelopes.sign(pki.get(actor), type, payload);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(200);
    sent.add(envelope);
  }

  /** A query signed by the auditor, as the read policy asks. */
  private String get(int port, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    TestPki.TestActor reader = pki.get("auditor-1");
    SignedRequest.headers("GET", path, Instant.now(), reader.certificate(), reader.key())
        .forEach(request::header);
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private Connection connect() throws SQLException {
    return database.isEmpty()
        ? DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger"), "sa", "")
        : DriverManager.getConnection(
            database.get("spring.datasource.url"), database.get("spring.datasource.username"), "");
  }
}
