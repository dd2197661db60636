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
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.Rule;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The signed envelope is stored once per command (leaf format v2) on a database that already holds
 * v1 events: a node of the schema before {@code V2} writes events that carry their envelope, the
 * upgraded node migrates and writes events that carry its digest, and one bundle of the whole log
 * holds both formats and verifies clean; an altered or a missing envelope line is named; history
 * shows every event's envelope. On H2, or on PostgreSQL when {@link TestDatabase} names a server.
 */
class EnvelopeOncePerCommandTest {
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
  void givenV1EventsThenV2EventsWhenTheWholeLogIsExportedThenBothFormatsVerifyAndTamperingIsNamed()
      throws Exception {
    // the release before V2: its schema, every event carrying the whole envelope
    ConfigurableApplicationContext old = start("--spring.flyway.target=1", "--kp.leaf-format=v1");
    try {
      zones(port(old), "OLD", 2);
      audit(port(old)).awaitCheckpoint(4);
    } finally {
      old.close();
    }
    assertThat(tableExists("command_envelope")).as("no V2 before the upgrade").isFalse();

    ConfigurableApplicationContext node = start();
    try {
      zones(port(node), "NEW", 2);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(8);
      assertThat(count("SELECT COUNT(*) FROM command_envelope"))
          .as("one envelope row per command since the upgrade")
          .isEqualTo(4);
      assertThat(count("SELECT COUNT(*) FROM signer_certificate"))
          .as("each signer's certificate kept once (kp-registrar, mt-monitor)")
          .isEqualTo(2);
      assertThat(count("SELECT COUNT(*) FROM command_envelope WHERE certificate_at IS NULL"))
          .as("every envelope stored without its certificate")
          .isZero();

      Path bundle = audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z");
      AuditReport report = audit.verify(bundle);
      assertThat(report.findings()).as("v1 and v2 leaves of one log").isEmpty();
      assertThat(report.summary().envelopes()).isEqualTo(8);
      try (ZipFile zip = new ZipFile(bundle.toFile())) {
        assertThat(JSON.readTree(entry(zip, AuditBundle.MANIFEST)).path("format").asText())
            .isEqualTo(AuditBundle.FORMAT_V2);
        List<JsonNode> events = lines(entry(zip, AuditBundle.EVENTS));
        assertThat(events.stream().map(e -> e.path("format").asText()))
            .containsExactly(
                LeafEncoder.FORMAT,
                LeafEncoder.FORMAT,
                LeafEncoder.FORMAT,
                LeafEncoder.FORMAT,
                LeafEncoder.FORMAT_V2,
                LeafEncoder.FORMAT_V2,
                LeafEncoder.FORMAT_V2,
                LeafEncoder.FORMAT_V2);
        assertThat(events.subList(4, 8))
            .allSatisfy(e -> assertThat(e.path("metaData").has("envelope")).isFalse());
        assertThat(lines(entry(zip, AuditBundle.ENVELOPES)).stream().map(l -> l.path("envelope")))
            .as("exactly as signed, once per v2 command")
            .map(JsonNode::asText)
            .containsExactlyInAnyOrderElementsOf(sent.subList(4, 8));
      }

      Path altered =
          audit.edit(bundle, AuditBundle.ENVELOPES, t -> t.replaceFirst("NEW-0", "NEW-9"));
      assertThat(rules(audit.verify(altered)))
          .as("the first line altered")
          .containsExactly(Rule.ENVELOPE_DIGEST_MISMATCH);
      Path missing =
          audit.edit(bundle, AuditBundle.ENVELOPES, t -> t.substring(t.indexOf('\n') + 1));
      assertThat(rules(audit.verify(missing)))
          .as("the first line removed")
          .containsExactly(Rule.ENVELOPE_MISSING);

      JsonNode history = JSON.readTree(get(port(node), "/api/history/NEW-0"));
      assertThat(history.findValuesAsText("envelope"))
          .as("history shows a v2 event's envelope as signed")
          .containsExactly(sent.get(4), sent.get(5));
      assertThat(JSON.readTree(get(port(node), "/api/history/OLD-0")).findValuesAsText("envelope"))
          .containsExactly(sent.get(0), sent.get(1));
    } finally {
      node.close();
    }
  }

  @Test
  void givenTheV1SettingWhenCommandsAreAcceptedThenEveryEventKeepsItsEnvelope() throws Exception {
    ConfigurableApplicationContext node = start("--kp.leaf-format=v1");
    try {
      zones(port(node), "V1", 1);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(2);
      assertThat(count("SELECT COUNT(*) FROM command_envelope")).isZero();
      Path bundle = audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z");
      assertThat(audit.verify(bundle).findings()).isEmpty();
      try (ZipFile zip = new ZipFile(bundle.toFile())) {
        assertThat(JSON.readTree(entry(zip, AuditBundle.MANIFEST)).path("format").asText())
            .isEqualTo(AuditBundle.FORMAT);
        assertThat(zip.getEntry(AuditBundle.ENVELOPES)).isNull();
        assertThat(lines(entry(zip, AuditBundle.EVENTS)))
            .allSatisfy(
                e ->
                    assertThat(e.path("metaData").path(LedgerMetaData.ENVELOPE).asText())
                        .isIn(sent));
      }
    } finally {
      node.close();
    }
  }

  private static List<Rule> rules(AuditReport report) {
    return report.findings().stream().map(f -> f.rule()).distinct().toList();
  }

  private static String entry(ZipFile zip, String name) throws Exception {
    try (var in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<JsonNode> lines(String text) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
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

  /** Registers {@code count} zones and records a decision on each: two commands, two events. */
  private void zones(int port, String prefix, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String zone = prefix + "-" + i;
      send(
          port,
          "kp-registrar",
          "RegisterZone",
          obj("zoneId", zone, "name", zone, "prefecture", "Haute-Kotto"));
      send(
          port,
          "mt-monitor",
          "RecordZoneDecision",
          obj(
              "zoneId",
              zone,
              "status",
              "COMPLIANT",
              "effectiveFrom",
              "2016-05-01",
              "decisionRef",
              "MT-" + zone));
    }
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

  private long count(String sql) throws SQLException {
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private boolean tableExists(String table) throws SQLException {
    try (Connection c = connect()) {
      String name = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
      try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
        return r.next();
      }
    }
  }
}
