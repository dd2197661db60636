package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.api.CarFixture.obj;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.api.storage.CommandKey;
import org.kpledger.api.storage.NewerSchemaFailureAnalyzer;
import org.kpledger.api.storage.SchemaMigrations.NewerSchemaException;
import org.kpledger.audit.AuditReport;
import org.kpledger.eventstore.PackedJson;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeId;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The node's schema is Flyway's: a database written by the release before migrations (its schema
 * created by Hibernate's {@code ddl-auto=update}, no history table) is baselined and opened with
 * its events and its log intact, and a database migrated by a newer release is refused with one
 * line naming both versions. On H2, or on PostgreSQL when {@link TestDatabase} names a server.
 */
class SchemaMigrationTest {
  /** The tables of Axon's JPA entities, the schema that Hibernate validates. */
  private static final List<String> JPA_TABLES =
      List.of(
          "domain_event_entry",
          "snapshot_event_entry",
          "token_entry",
          "saga_entry",
          "association_value_entry",
          "dead_letter_entry");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> database = TestDatabase.fresh().orElse(Map.of());

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
  void givenADatabaseOfThePreviousReleaseWhenTheNodeStartsThenItIsBaselinedAndServesTheOldLog()
      throws Exception {
    // the previous release: no Flyway, the schema created by Hibernate's ddl-auto=update, every
    // event carrying its envelope
    ConfigurableApplicationContext old =
        start(
            "--spring.flyway.enabled=false",
            "--spring.jpa.hibernate.ddl-auto=update",
            "--kp.leaf-format=v1");
    String oldCheckpoint;
    try {
      zones(port(old), "OLD", 3);
      oldCheckpoint = audit(port(old)).awaitCheckpoint(6);
    } finally {
      old.close();
    }
    assertThat(history()).as("no migration history before").isNull();
    asWrittenBeforeV4();
    List<String> oldEvents = eventIds();
    assertThat(oldEvents).hasSize(6);

    ConfigurableApplicationContext node = start();
    try {
      assertThat(history())
          .as("baselined at version 1, the schema V1 writes down, then the later migrations")
          .startsWith("1:BASELINE:true")
          .doesNotContain("1:SQL");
      zones(port(node), "NEW", 1);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(8);
      // the proof from the auditor's size: heads 7 and 8 may both be signed, with no 6-to-8 proof
      Path bundle =
          audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&previousSize=6");
      AuditReport report = audit.verify(bundle, Optional.of(oldCheckpoint));
      assertThat(report.findings())
          .as("the whole log, consistent with the head signed before the upgrade")
          .isEmpty();
      assertThat(eventIds()).hasSize(8).containsAll(oldEvents);
      assertThat(get(port(node), "/api/zones")).contains("\"OLD-2\"");
    } finally {
      node.close();
    }
  }

  @Test
  void
      givenAV2DatabaseWithNodesAtEveryLevelWhenTheNodeStartsThenV3KeepsEveryFourthAndOldProofsHold()
          throws Exception {
    ConfigurableApplicationContext old = start();
    String oldCheckpoint;
    try {
      zones(port(old), "OLD", 5);
      oldCheckpoint = audit(port(old)).awaitCheckpoint(10);
    } finally {
      old.close();
    }
    // the release of V2 kept every level's nodes and hex digests: put back what V3 and V4 changed
    asWrittenBeforeV4();
    int added = addEveryLevel();
    forgetMigrationsAfter(2);
    assertThat(history()).endsWith("2:SQL:true");
    assertThat(added).as("levels 1, 2 and 3 of 10 leaves").isEqualTo(5 + 2 + 1);
    assertThat(count("SELECT COUNT(*) FROM merkle_node")).isEqualTo(10 + added);

    ConfigurableApplicationContext node = start();
    try {
      assertThat(history())
          .endsWith("2:SQL:true,3:SQL:true,4:SQL:true,5:SQL:true,6:SQL:true,7:SQL:true");
      assertThat(count("SELECT COUNT(*) FROM merkle_node WHERE MOD(tree_level, 4) <> 0"))
          .as("V3 deletes the rows of the levels recomputed on demand")
          .isZero();
      zones(port(node), "NEW", 4);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(18);
      assertThat(count("SELECT COUNT(*) FROM merkle_node")).as("level 4 only").isEqualTo(1);
      Path bundle =
          audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&previousSize=10");
      AuditReport report = audit.verify(bundle, Optional.of(oldCheckpoint));
      assertThat(report.findings())
          .as("the whole log, consistent with the head signed before the upgrade")
          .isEmpty();
    } finally {
      node.close();
    }
  }

  @Test
  void givenAV3DatabaseWhenTheNodeStartsThenV4DropsLevelZeroAndHexAndAnswersAndProofsStayTheSame()
      throws Exception {
    ConfigurableApplicationContext old = start();
    String oldCheckpoint;
    String envelope;
    String firstAnswer;
    try {
      zones(port(old), "OLD", 5);
      envelope =
          Envelopes.sign(
              pki.get("kp-registrar"),
              "RegisterZone",
              obj("zoneId", "OLD-R", "name", "OLD-R", "prefecture", "Haute-Kotto"));
      firstAnswer = send(port(old), envelope);
      oldCheckpoint = audit(port(old)).awaitCheckpoint(11);
    } finally {
      old.close();
    }
    // the release of V3 kept level 0 of the Merkle log and hex digests, and whole outcomes
    asWrittenBeforeV4();
    forgetMigrationsAfter(3);
    assertThat(history()).endsWith("3:SQL:true");
    assertThat(count("SELECT COUNT(*) FROM merkle_node WHERE tree_level = 0")).isEqualTo(11);
    assertThat(count("SELECT COUNT(*) FROM command_receipt WHERE outcome LIKE '+%'")).isZero();

    ConfigurableApplicationContext node = start();
    try {
      assertThat(history()).endsWith("3:SQL:true,4:SQL:true,5:SQL:true,6:SQL:true,7:SQL:true");
      assertThat(count("SELECT COUNT(*) FROM merkle_node WHERE tree_level = 0"))
          .as("V4 deletes level 0, read from merkle_leaf")
          .isZero();
      assertThat(count("SELECT COUNT(*) FROM command_receipt WHERE outcome LIKE '+%'"))
          .as("every acceptance kept without its command id")
          .isEqualTo(11);
      assertThat(send(port(node), envelope))
          .as("a command retried after the upgrade gets the bytes it got before")
          .isEqualTo(firstAnswer);
      zones(port(node), "NEW", 2);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(15);
      Path bundle =
          audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&previousSize=11");
      AuditReport report = audit.verify(bundle, Optional.of(oldCheckpoint));
      assertThat(report.findings())
          .as("the whole log with its envelopes, consistent with the head signed before V4")
          .isEmpty();
    } finally {
      node.close();
    }
  }

  @Test
  void givenAV6DatabaseKeyedByTextWhenTheNodeStartsThenV7KeysCommandsByUuidAndAnswersStayTheSame()
      throws Exception {
    ConfigurableApplicationContext old = start();
    String oldCheckpoint;
    String byUuid;
    String byName;
    String byUuidAnswer;
    String byNameAnswer;
    try {
      zones(port(old), "OLD", 2);
      byUuid =
          Envelopes.sign(
              pki.get("kp-registrar"),
              "RegisterZone",
              obj("zoneId", "OLD-U", "name", "OLD-U", "prefecture", "Haute-Kotto"));
      byUuidAnswer = send(port(old), byUuid);
      // a command id that is not a UUID: V7 keys it by its SHA-256, as the node does
      byName =
          Envelopes.sign(
              pki.get("kp-registrar"),
              "RegisterZone",
              "OLD-by-name.1",
              Instant.now(),
              obj("zoneId", "OLD-N", "name", "OLD-N", "prefecture", "Haute-Kotto"));
      byNameAnswer = send(port(old), byName);
      oldCheckpoint = audit(port(old)).awaitCheckpoint(6);
    } finally {
      old.close();
    }
    asWrittenBeforeV7();
    forgetMigrationsAfter(6);
    assertThat(history()).endsWith("6:SQL:true");
    assertThat(count("SELECT COUNT(*) FROM command_receipt WHERE command_id IS NULL")).isZero();

    ConfigurableApplicationContext node = start();
    try {
      assertThat(history()).endsWith("6:SQL:true,7:SQL:true");
      for (String table : List.of("command_receipt", "command_envelope")) {
        assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE command_id IS NULL"))
            .as("%s: the UUID ids kept as their keys only", table)
            .isEqualTo(5);
        assertThat(
                count(
                    "SELECT COUNT(*) FROM "
                        + table
                        + " WHERE command_id = 'OLD-by-name.1' AND command_key = '"
                        + CommandKey.of("OLD-by-name.1")
                        + "'"))
            .as("%s: the other id kept with the key the node makes", table)
            .isEqualTo(1);
      }
      assertThat(send(port(node), byUuid))
          .as("a command retried after V7 gets the bytes it got before")
          .isEqualTo(byUuidAnswer);
      assertThat(send(port(node), byName)).isEqualTo(byNameAnswer);
      HttpResponse<String> reused =
          post(
              port(node),
              Envelopes.sign(
                  pki.get("kp-registrar"),
                  "RegisterZone",
                  "OLD-by-name.1",
                  Instant.now(),
                  obj("zoneId", "OLD-M", "name", "OLD-M", "prefecture", "Haute-Kotto")));
      assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
      assertThat(reused.body()).contains("COMMAND_ID_REUSED");
      zones(port(node), "NEW", 1);
      AuditBundles audit = audit(port(node));
      audit.awaitCheckpoint(8);
      Path bundle =
          audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&previousSize=6");
      AuditReport report = audit.verify(bundle, Optional.of(oldCheckpoint));
      assertThat(report.findings())
          .as("the whole log with every command's envelope, found by its key")
          .isEmpty();
    } finally {
      node.close();
    }
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void givenAnEmptyDatabaseWhenTheNodeStartsThenEveryMigrationRunsWithoutAWarning(
      CapturedOutput output) throws Exception {
    start().close();
    assertThat(history()).isEqualTo(expectedFreshHistory());
    // a newcomer's first start says nothing is wrong (on PostgreSQL Flyway logged the server's
    // notices as warnings)
    assertThat(output.getAll().lines().filter(l -> l.contains(" WARN ") && l.contains("o.f.")))
        .isEmpty();
  }

  @Test
  void givenTheNodesMappingWhenHibernateUpdatesAnEmptyDatabaseThenTheMigrationsCreateTheSame()
      throws Exception {
    start().close();
    Path other = Files.createDirectories(dataDir.resolve("by-hibernate"));
    Map<String, String> otherDatabase = TestDatabase.fresh().orElse(Map.of());
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + other);
    args.add("--kp.trust-dir=" + dataDir.resolve("trust"));
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.add("--spring.flyway.enabled=false");
    // as the releases before migrations made them (ddl-auto=create orders the columns of a
    // composite primary key differently, which V1 does not follow)
    args.add("--spring.jpa.hibernate.ddl-auto=update");
    args.addAll(List.of(TestDatabase.arguments(otherDatabase)));
    LedgerApplication.start(args.toArray(String[]::new)).close();

    List<String> migrated;
    List<String> byHibernate;
    try (Connection c = connect()) {
      migrated = jpaTables(c);
    }
    try (Connection c = connect(other, otherDatabase)) {
      byHibernate = jpaTables(c);
    }
    assertThat(migrated).as("the JPA tables' columns and indexes").isNotEmpty();
    if (!database.isEmpty()) {
      // on PostgreSQL V6 keeps event identifiers unique as UUIDs, not as Axon's text
      String text = "domain_event_entry index [1:event_identifier] unique";
      assertThat(byHibernate).contains(text);
      byHibernate = new ArrayList<>(byHibernate);
      byHibernate.set(
          byHibernate.indexOf(text),
          "domain_event_entry index [1:((event_identifier)::uuid)] unique");
      byHibernate.sort(null);
    }
    assertThat(migrated).isEqualTo(byHibernate);
  }

  @Test
  void givenASchemaNewerThanTheNodeKnowsWhenTheNodeStartsThenItRefusesNamingBothVersions()
      throws Exception {
    start().close();
    sql(
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (100, '9999', 'from a newer release', 'SQL',"
            + " 'V9999__from_a_newer_release.sql', 0, 'test', 1, TRUE)");

    assertThatThrownBy(this::start)
        .rootCause()
        .isInstanceOf(NewerSchemaException.class)
        .hasMessage(
            "database schema is at version 9999, newer than version "
                + latestKnown()
                + " that this node knows: run a node of the release that wrote it, or restore a"
                + " backup taken before that upgrade")
        .satisfies(
            e -> {
              FailureAnalysis analysis = new NewerSchemaFailureAnalyzer().analyze(e);
              assertThat(analysis.getDescription()).isEqualTo(e.getMessage()).doesNotContain("\n");
            });
  }

  private ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + dataDir);
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(TestDatabase.arguments(database)));
    args.addAll(List.of(extra));
    return LedgerApplication.start(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private AuditBundles audit(int port) throws Exception {
    return new AuditBundles(port, dataDir.resolve("trust"), pki.get("auditor-1"));
  }

  /** Registers {@code count} zones and records a decision on each: two events per zone. */
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

  private void send(int port, String actor, String type, com.fasterxml.jackson.databind.JsonNode p)
      throws Exception {
    send(port, Envelopes.sign(pki.get(actor), type, p));
  }

  /** Sends a signed envelope, expects 200 and returns the answer's body. */
  private String send(int port, String envelope) throws Exception {
    HttpResponse<String> r = post(port, envelope);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> post(int port, String envelope) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(envelope))
            .build(),
        HttpResponse.BodyHandlers.ofString());
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
    return connect(dataDir, database);
  }

  private static Connection connect(Path dir, Map<String, String> db) throws SQLException {
    return db.isEmpty()
        ? DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "")
        : DriverManager.getConnection(
            db.get("spring.datasource.url"), db.get("spring.datasource.username"), "");
  }

  /**
   * The shape of the JPA tables as the database reports it: every column with its type, size and
   * nullability, every index by its columns and uniqueness (names left out: the databases name
   * primary keys their own way).
   */
  private static List<String> jpaTables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> shape = new ArrayList<>();
    for (String table : JPA_TABLES) {
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet r = meta.getColumns(c.getCatalog(), c.getSchema(), name, null)) {
        while (r.next()) {
          shape.add(
              (table
                      + "."
                      + r.getString("COLUMN_NAME")
                      + " "
                      + r.getString("TYPE_NAME")
                      + "("
                      + r.getInt("COLUMN_SIZE")
                      + ") "
                      + r.getString("IS_NULLABLE"))
                  .toLowerCase(Locale.ROOT));
        }
      }
      Map<String, List<String>> indexes = new TreeMap<>();
      try (ResultSet r = meta.getIndexInfo(c.getCatalog(), c.getSchema(), name, false, false)) {
        while (r.next()) {
          if (r.getString("INDEX_NAME") != null) {
            indexes
                .computeIfAbsent(
                    r.getString("INDEX_NAME") + (r.getBoolean("NON_UNIQUE") ? "" : " unique"),
                    k -> new ArrayList<>())
                .add(r.getShort("ORDINAL_POSITION") + ":" + r.getString("COLUMN_NAME"));
          }
        }
      }
      indexes.forEach(
          (index, columns) -> {
            columns.sort(null);
            shape.add(
                (table + " index " + columns + (index.endsWith(" unique") ? " unique" : ""))
                    .toLowerCase(Locale.ROOT));
          });
    }
    shape.sort(null);
    return shape;
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /**
   * Puts the database written by this release back into the shape the releases before V4 left: hex
   * digests, outcomes as text with their command id, Axon's unique constraint on the event
   * identifier's text, and the Merkle log's level 0 in {@code merkle_node} (a copy of the leaf
   * hashes).
   */
  private void asWrittenBeforeV4() throws SQLException {
    asWrittenBeforeV7();
    receiptsAsText();
    boolean envelopes;
    try (Connection c = connect();
        ResultSet t =
            c.getMetaData()
                .getTables(
                    null,
                    null,
                    database.isEmpty() ? "COMMAND_ENVELOPE" : "command_envelope",
                    new String[] {"TABLE"})) {
      envelopes = t.next();
    }
    String whole =
        "CASE WHEN SUBSTRING(outcome FROM 1 FOR 1) = '+' THEN '{\"commandId\":\"' || command_id"
            + " || '\",' || SUBSTRING(outcome FROM 2) ELSE outcome END";
    List<String> statements = new ArrayList<>();
    if (database.isEmpty()) {
      statements.addAll(
          List.of(
              "ALTER TABLE command_receipt ADD COLUMN hex VARCHAR(64)",
              "UPDATE command_receipt SET hex = LOWER(RAWTOHEX(body_hash)), outcome = " + whole,
              "ALTER TABLE command_receipt DROP COLUMN body_hash",
              "ALTER TABLE command_receipt ALTER COLUMN hex RENAME TO body_hash",
              "ALTER TABLE command_receipt ALTER COLUMN body_hash SET NOT NULL",
              "ALTER TABLE merkle_leaf ALTER COLUMN event_id SET DATA TYPE VARCHAR(255)"));
      if (envelopes) {
        statements.addAll(
            List.of(
                "ALTER TABLE command_envelope ADD COLUMN e CHAR(64)",
                "ALTER TABLE command_envelope ADD COLUMN c CHAR(64)",
                "UPDATE command_envelope SET e = LOWER(RAWTOHEX(envelope_sha256)),"
                    + " c = LOWER(RAWTOHEX(certificate_sha256))",
                "ALTER TABLE command_envelope DROP COLUMN envelope_sha256",
                "ALTER TABLE command_envelope DROP COLUMN certificate_sha256",
                "ALTER TABLE command_envelope ALTER COLUMN e RENAME TO envelope_sha256",
                "ALTER TABLE command_envelope ALTER COLUMN c RENAME TO certificate_sha256",
                "ALTER TABLE command_envelope ALTER COLUMN envelope_sha256 SET NOT NULL",
                "ALTER TABLE signer_certificate ADD COLUMN c CHAR(64)",
                "UPDATE signer_certificate SET c = LOWER(RAWTOHEX(certificate_sha256))",
                "ALTER TABLE signer_certificate DROP CONSTRAINT signer_certificate_pkey",
                "ALTER TABLE signer_certificate DROP COLUMN certificate_sha256",
                "ALTER TABLE signer_certificate ALTER COLUMN c RENAME TO certificate_sha256",
                "ALTER TABLE signer_certificate ALTER COLUMN certificate_sha256 SET NOT NULL",
                "ALTER TABLE signer_certificate ADD CONSTRAINT signer_certificate_pkey"
                    + " PRIMARY KEY (certificate_sha256)"));
      }
    } else {
      statements.add("DROP INDEX IF EXISTS domain_event_entry_event_uuid");
      statements.add(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint"
              + " WHERE conname = 'ukfwe6lsa8bfo6hyas6ud3m8c7x') THEN"
              + " ALTER TABLE domain_event_entry ADD CONSTRAINT ukfwe6lsa8bfo6hyas6ud3m8c7x"
              + " UNIQUE (event_identifier); END IF; END $$");
      statements.add(
          "ALTER TABLE merkle_leaf ALTER COLUMN event_id TYPE VARCHAR(255)"
              + " USING CAST(event_id AS VARCHAR(255))");
      statements.add(
          "ALTER TABLE command_receipt"
              + " ALTER COLUMN body_hash TYPE VARCHAR(64) USING encode(body_hash, 'hex'),"
              + " ALTER COLUMN outcome TYPE TEXT USING ("
              + whole
              + ")");
      if (envelopes) {
        statements.add(
            "ALTER TABLE command_envelope"
                + " ALTER COLUMN envelope_sha256 TYPE CHAR(64) USING encode(envelope_sha256, 'hex'),"
                + " ALTER COLUMN certificate_sha256 TYPE CHAR(64)"
                + " USING encode(certificate_sha256, 'hex')");
        statements.add(
            "ALTER TABLE signer_certificate ALTER COLUMN certificate_sha256 TYPE CHAR(64)"
                + " USING encode(certificate_sha256, 'hex')");
      }
    }
    statements.add(
        "INSERT INTO merkle_node (tree_level, node_index, node_hash)"
            + " SELECT 0, leaf_index, leaf_hash FROM merkle_leaf");
    for (String statement : statements) {
      sql(statement);
    }
  }

  /**
   * Puts the commands' rows back as the releases before V7 kept them: keyed by the command id's
   * text, in every row.
   */
  private void asWrittenBeforeV7() throws SQLException {
    for (String table : List.of("command_receipt", "command_envelope")) {
      if (!tableExists(table)) {
        continue;
      }
      sql(
          "UPDATE "
              + table
              + " SET command_id = CAST(command_key AS VARCHAR(128))"
              + " WHERE command_id IS NULL");
      sql("ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_pkey");
      sql("ALTER TABLE " + table + " DROP COLUMN command_key");
      sql("ALTER TABLE " + table + " ALTER COLUMN command_id SET NOT NULL");
      sql("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_pkey PRIMARY KEY (command_id)");
    }
  }

  private boolean tableExists(String table) throws SQLException {
    try (Connection c = connect();
        ResultSet t =
            c.getMetaData()
                .getTables(
                    null,
                    null,
                    database.isEmpty() ? table.toUpperCase(Locale.ROOT) : table,
                    new String[] {"TABLE"})) {
      return t.next();
    }
  }

  /** Puts every receipt's outcome kept packed (V6) back in its text column, as before V6. */
  private void receiptsAsText() throws SQLException {
    Map<String, String> texts = new LinkedHashMap<>();
    try (Connection c = connect();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT command_id, packed_outcome FROM command_receipt WHERE outcome IS NULL")) {
      while (r.next()) {
        texts.put(
            r.getString(1), new String(PackedJson.unpack(r.getBytes(2)), StandardCharsets.UTF_8));
      }
    }
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("UPDATE command_receipt SET outcome = ? WHERE command_id = ?")) {
      for (Map.Entry<String, String> text : texts.entrySet()) {
        ps.setString(1, text.getValue());
        ps.setString(2, text.getKey());
        ps.executeUpdate();
      }
    }
    assertThat(texts).as("receipts kept packed").isNotEmpty();
    sql("ALTER TABLE command_receipt DROP COLUMN packed_outcome");
    sql("ALTER TABLE command_receipt ALTER COLUMN outcome SET NOT NULL");
  }

  /** Removes the history rows of the migrations after {@code version}, as if they never ran. */
  private void forgetMigrationsAfter(int version) throws SQLException {
    sql("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INTEGER) > " + version);
  }

  /**
   * Adds the Merkle nodes of levels 1 to 3 recomputed from the leaves, as a node of the release
   * before V3 stored them; returns how many rows it added.
   */
  private int addEveryLevel() throws SQLException {
    List<byte[]> leaves = new ArrayList<>();
    try (Connection c = connect();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT leaf_hash FROM merkle_leaf ORDER BY leaf_index")) {
      while (r.next()) {
        leaves.add(r.getBytes(1));
      }
    }
    InMemoryNodeStore every = new InMemoryNodeStore();
    new MerkleLog(every).appendAll(leaves);
    int added = 0;
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO merkle_node (tree_level, node_index, node_hash) VALUES (?, ?, ?)")) {
      for (int level = 1; level < 4; level++) {
        for (long index = 0; index < leaves.size() >> level; index++) {
          ps.setInt(1, level);
          ps.setLong(2, index);
          ps.setBytes(3, every.get(new NodeId(level, index)));
          ps.executeUpdate();
          added++;
        }
      }
    }
    return added;
  }

  private long count(String query) throws SQLException {
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<String> eventIds() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = connect();
        ResultSet r =
            c.createStatement().executeQuery("SELECT event_identifier FROM domain_event_entry")) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    }
    return ids;
  }

  /**
   * Flyway's history as "version:type:success" rows in order (its own row for creating the table
   * left out), or null without a history table.
   */
  private String history() throws SQLException {
    try (Connection c = connect()) {
      // Flyway quotes the name, lower case on both databases
      try (ResultSet t = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
        if (!t.next()) {
          return null;
        }
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\""
                      + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
        while (r.next()) {
          rows.add(r.getString(1) + ":" + r.getString(2) + ":" + r.getBoolean(3));
        }
      }
      return String.join(",", rows);
    }
  }

  private String expectedFreshHistory() throws Exception {
    return String.join(",", Arrays.stream(migrations()).mapToObj(v -> v + ":SQL:true").toList());
  }

  private int latestKnown() throws Exception {
    return Arrays.stream(migrations()).max().orElseThrow();
  }

  /** The versions of this node's migrations for the database under test, in order. */
  private int[] migrations() throws Exception {
    String vendor = database.isEmpty() ? "h2" : "postgresql";
    Resource[] files =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/" + vendor + "/V*__*.sql");
    assertThat(files).isNotEmpty();
    return Arrays.stream(files)
        .mapToInt(f -> Integer.parseInt(f.getFilename().substring(1).split("__")[0]))
        .sorted()
        .toArray();
  }
}
