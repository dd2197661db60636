package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * A newcomer's path: the demo loads into an empty node through signed commands only, then the
 * command line creates a new organisation CA and an actor, signs a command file and submits it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = org.kpledger.api.LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoAndCommandLineTest {
  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("kp-demo-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    org.kpledger.api.TestDatabase.forDataDir(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private String url() {
    return "http://localhost:" + port;
  }

  @Test
  @Order(1)
  void demoLoadsALivingLedgerShowingItsProgressOnStderr() {
    PrintStream err = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    boolean loaded;
    try {
      loaded = new DemoLoader(DATA.toString()).load(url());
    } finally {
      System.setErr(err);
    }
    assertThat(loaded).isTrue();
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .as("the load's progress, a plain line when stderr is no terminal (issue #17)")
        .containsPattern("(?m)^\\[demo\\] loading: [0-9]+ signed commands$");
    Map<String, Object> counts =
        jdbc.queryForMap(
            "SELECT (SELECT COUNT(*) FROM domain_event_entry) AS events, "
                + "(SELECT COUNT(*) FROM refused_attempt) AS refused");
    assertThat(((Number) counts.get("EVENTS")).longValue()).isGreaterThan(100);
    assertThat(
            jdbc.queryForList("SELECT reason_code FROM refused_attempt ORDER BY id", String.class))
        .containsExactly("PATENTE_NOT_VALID", "ZONE_NOT_COMPLIANT");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%ShipmentRejectedEvent'",
                Long.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%ImportConfirmedEvent'",
                Long.class))
        .isEqualTo(1);
  }

  @Test
  @Order(2)
  void commandLineCreatesKeysSignsAndSubmits() throws Exception {
    Path keys = Files.createTempDirectory("kp-cli-keys");
    Path ca = keys.resolve("BO-GAMMA/ca");
    assertThat(
            run(
                "ca",
                "init",
                "--org",
                "BO-GAMMA",
                "--type",
                "BUYING_OFFICE",
                "--name",
                "Gamma buying office",
                "--dir",
                ca.toString()))
        .isZero();
    Files.copy(ca.resolve("ca-cert.pem"), DATA.resolve("trust").resolve("BO-GAMMA.pem"));
    Path actor = keys.resolve("gamma-buyer");
    assertThat(
            run(
                "actor",
                "issue",
                "--ca",
                ca.toString(),
                "--actor",
                "gamma-buyer",
                "--role",
                "BUYER",
                "--out",
                actor.toString()))
        .isZero();
    assertThat(Files.getPosixFilePermissions(actor.resolve("key.pem")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Path payload = keys.resolve("stockpile.json");
    Files.writeString(
        payload,
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "stockpileId",
                    "ST-GAMMA",
                    "declaredOn",
                    "2026-01-05",
                    "location",
                    "Bangui",
                    "items",
                    new Object[] {Map.of("parcelId", "ST-GAMMA-1", "carats", 12.5)})));
    Path envelope = keys.resolve("stockpile.env.json");
    assertThat(
            run(
                "sign",
                "--actor",
                actor.toString(),
                "--type",
                "DeclareStockpile",
                "--payload",
                payload.toString(),
                "--out",
                envelope.toString()))
        .isZero();
    assertThat(Files.readString(envelope)).contains("\"signature\"").doesNotContain("PRIVATE");
    assertThat(run("submit", "--url", url(), envelope.toString())).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = 'ST-GAMMA-1'",
                Long.class))
        .isEqualTo(1);
    assertThat(run("submit", "--url", url(), envelope.toString()))
        .as("a retry of the same envelope is answered from its receipt")
        .isZero();

    List<String> batch = new ArrayList<>();
    for (String id : new String[] {"ST-GAMMA-B1", "ST-GAMMA-B2"}) {
      Files.writeString(
          payload,
          new ObjectMapper()
              .writeValueAsString(
                  Map.of(
                      "stockpileId",
                      id,
                      "declaredOn",
                      "2026-01-06",
                      "location",
                      "Bangui",
                      "items",
                      new Object[] {Map.of("parcelId", id + "-1", "carats", 3.25)})));
      Path signed = keys.resolve(id + ".env.json");
      assertThat(
              run(
                  "sign",
                  "--actor",
                  actor.toString(),
                  "--type",
                  "DeclareStockpile",
                  "--payload",
                  payload.toString(),
                  "--out",
                  signed.toString()))
          .isZero();
      batch.add(signed.toString());
    }
    assertThat(run("submit", "--url", url(), "--batch", batch.get(0), batch.get(0)))
        .as("a batch naming one commandId twice is refused whole")
        .isEqualTo(1);
    assertThat(stockpileItems("ST-GAMMA-B1-1")).isZero();
    assertThat(run("submit", "--url", url(), "--batch", batch.get(0), batch.get(1))).isZero();
    assertThat(stockpileItems("ST-GAMMA-B1-1")).isEqualTo(1);
    assertThat(stockpileItems("ST-GAMMA-B2-1")).isEqualTo(1);
  }

  @Test
  @Order(3)
  void queryPrintsTheJsonBodyOnStdoutAndTheStatusOnStderrWithTheNodeFromKpUrl() throws Exception {
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    Map<String, String> environment = Map.of("KP_URL", url());

    // the zones do not change once the demo is loaded (the log's heads would: the node may sign a
    // new head between the two queries)
    CommandLineConventionsTest.Run heads =
        CommandLineConventionsTest.kp(environment, "query", "--actor", monitor, "/api/zones");
    assertThat(heads.exit()).isZero();
    assertThat(heads.err().strip()).isEqualTo("HTTP 200");
    assertThat(new ObjectMapper().readTree(heads.out()).isContainerNode())
        .as("stdout is the body alone, for jq")
        .isTrue();
    assertThat(heads.out().strip()).as("raw when not on a terminal").doesNotContain("\n  ");

    CommandLineConventionsTest.Run pretty =
        CommandLineConventionsTest.kp(
            environment, "query", "--pretty", "--actor", monitor, "/api/zones");
    assertThat(new ObjectMapper().readTree(pretty.out()))
        .isEqualTo(new ObjectMapper().readTree(heads.out()));
    assertThat(pretty.out()).contains("\n  ");

    CommandLineConventionsTest.Run missing =
        CommandLineConventionsTest.kp(
            environment, "query", "--actor", monitor, "/api/trace/back/shipments/NO-SUCH");
    assertThat(missing.exit()).as("a 4xx answer exits 1").isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("HTTP 404");
    assertThat(new ObjectMapper().readTree(missing.out()).path("type").asText())
        .startsWith("urn:kp-ledger:problem:");
  }

  @Test
  @Order(4)
  void auditExportAndVerifyShowTheirProgressAndTheExportSaysWhatTheBundleHolds() throws Exception {
    String auditor = DATA.resolve("demo/AUD-FORENSIC/actors/auditor-1").toString();
    Path out = Files.createTempDirectory("kp-export");
    Map<String, String> environment = Map.of("KP_URL", url());

    CommandLineConventionsTest.Run empty =
        CommandLineConventionsTest.kp(
            environment,
            "audit",
            "export",
            "--actor",
            auditor,
            "--from",
            "1990-01-01T00:00:00Z",
            "--to",
            "1990-02-01T00:00:00Z",
            "--out",
            out.resolve("jan.zip").toString());
    assertThat(empty.exit()).as(empty.err()).isZero();
    assertThat(empty.out())
        .contains("wrote " + out.resolve("jan.zip"), "0 events", "signed heads")
        .contains("empty: the range holds no events");

    PrintStream err = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    CommandLineConventionsTest.Run all;
    try {
      all =
          CommandLineConventionsTest.kp(
              environment,
              "audit",
              "export",
              "--actor",
              auditor,
              "--out",
              out.resolve("all.zip").toString());
    } finally {
      System.setErr(err);
    }
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .as("the export's progress on stderr, from its start (issue #17)")
        .containsPattern("(?m)^\\[audit export\\] waiting for the node to assemble the bundle");
    assertThat(all.out()).doesNotContain("[audit export]");

    progress.reset();
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    CommandLineConventionsTest.Run verify;
    try {
      verify =
          CommandLineConventionsTest.kp(
              environment, "verify", out.resolve("all.zip").toString(), "--hash-only");
    } finally {
      System.setErr(err);
    }
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .as("the verification's progress on stderr, from its start")
        .containsPattern("(?m)^\\[verify\\] verifying .*all\\.zip, [0-9]+ s$");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out())
        .containsPattern("[1-9][0-9,]* events, [1-9][0-9,]* signed heads, [1-9][0-9,]* inclusion")
        .doesNotContain("empty");
  }

  @Test
  @Order(5)
  void theDemoSummaryNamesOnlyKeyFoldersAndShipmentsTheDemoCreated() throws Exception {
    List<String> summary = DemoSummary.lines(DATA, url() + "/");
    Map<String, String> environment = Map.of("KP_URL", url());
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    ObjectMapper json = new ObjectMapper();

    java.util.regex.Pattern keyFiles =
        java.util.regex.Pattern.compile(": (\\S+key\\.pem) \\+ (\\S+cert\\.pem)$");
    int keyFolders = 0;
    for (String line : summary) {
      java.util.regex.Matcher m = keyFiles.matcher(line);
      if (m.find()) {
        keyFolders++;
        assertThat(Path.of(m.group(1))).as(line).isRegularFile();
        assertThat(Path.of(m.group(2))).as(line).isRegularFile();
      }
    }
    assertThat(keyFolders).as("actors named with their key files").isGreaterThanOrEqualTo(10);

    for (DemoSummary.ShipmentToTry s : DemoSummary.SHIPMENTS) {
      assertThat(summary).anySatisfy(line -> assertThat(line).contains(s.shipmentId(), s.what()));
      if (s.status() != null) {
        CommandLineConventionsTest.Run listed =
            CommandLineConventionsTest.kp(
                environment, "query", "--actor", monitor, "/api/shipments?status=" + s.status());
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(json.readTree(listed.out()).path("items").findValuesAsText("shipmentId"))
            .as(s.shipmentId() + " listed as " + s.status())
            .contains(s.shipmentId());
      } else {
        CommandLineConventionsTest.Run refused =
            CommandLineConventionsTest.kp(
                environment,
                "query",
                "--actor",
                monitor,
                "/api/refused-attempts?subject=" + s.shipmentId());
        assertThat(refused.exit()).as(refused.err()).isZero();
        assertThat(json.readTree(refused.out()).path("items").findValuesAsText("rule"))
            .as(s.shipmentId() + " refused at proposal")
            .contains(s.refusedWith());
      }
    }
    CommandLineConventionsTest.Run certificate =
        CommandLineConventionsTest.kp(
            environment,
            "query",
            "--actor",
            monitor,
            "/api/public/certificates/" + DemoSummary.CERTIFICATE);
    assertThat(certificate.exit()).as(certificate.err()).isZero();
    assertThat(json.readTree(certificate.out()).path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(summary.get(summary.size() - 1)).isEqualTo("web console: " + url() + "/");
  }

  private long stockpileItems(String parcelId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class,
        parcelId);
  }

  private static int run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer));
    try {
      return new CommandLine(new KpCli()).execute(args);
    } finally {
      System.setOut(out);
    }
  }
}
