package org.kpledger.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.api.fabric.certificate.CertificateRegistrar;
import org.kpledger.certificate.CertificateContent;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.kpledger.cli.KpCli;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * KP certificates across organisations on the live channel: a node with {@code kp.fabric.enabled}
 * (as the CAR KP authority's Fabric client) issues certificates through signed commands and
 * registers them; the importing authorities confirm with {@code kp certificate confirm-on-channel}
 * under their own Fabric identities (Belgium's for certificates destined for BE, the UAE's, a
 * client-only organisation, for AE; each refused for the other's and for other content); the node
 * shows each confirmed on the channel with its transaction, across a restart while confirmations
 * arrive and a replay of every chaincode event, none lost or doubled.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class CertificateChannelFabricIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final String CONFIRMED_EVENT = "%CertificateConfirmedOnChannelEvent";
  private static Path data;
  private static TestPki pki;
  private static Path network;
  private static FabricConnection carFabric;
  private static ConfigurableApplicationContext node;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String p = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";

  @BeforeAll
  static void organisations() throws IOException {
    network = Path.of(System.getProperty("kp.fabric.network.properties")).toAbsolutePath();
    data = Files.createTempDirectory("kp-fabric-node");
    pki = new TestPki(data.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
    pki.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
    pki.organisation("BE-IMPORT", OrganisationType.IMPORTING_AUTHORITY, "BE", true);
    pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    pki.actor("CAR-KP", "becdor-valuer", Role.VALUER);
    pki.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    pki.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
    TestPki.TestActor officer = pki.actor("BE-IMPORT", "be-officer", Role.IMPORT_OFFICER);
    Path keys = data.resolve("keys/be-officer");
    Files.createDirectories(keys);
    Files.writeString(keys.resolve("cert.pem"), Pem.writeCertificate(officer.certificate()));
    Files.writeString(keys.resolve("key.pem"), Pem.writePrivateKey(officer.key()));
    carFabric = FabricConnection.open(fabric("CarKpMSP"));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    carFabric.close();
  }

  @Test
  void certificatesAreRegisteredConfirmedByTheirImportingAuthorityAndShownAcrossRestarts()
      throws Exception {
    start();
    CarFixture car = new CarFixture(this::ok, p).setUp();
    List<String> numbers = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      numbers.add(issue(car, n, n == 4 ? "AE" : "BE"));
    }
    Map<String, Path> contents = new HashMap<>();
    for (String number : numbers) {
      contents.put(number, content(number));
      String hash = CertificateContent.hashOf(Files.readString(contents.get(number)));
      await(
          number + " registered",
          () -> hash.equals(onChannel(number).path("contentHash").asText()));
      assertThat(onChannel(number).path("destinationCountry").asText())
          .isEqualTo(number.equals(numbers.get(3)) ? "AE" : "BE");
    }
    String first = numbers.get(0);
    assertThat(confirm("AeImportMSP", first, contents.get(first)))
        .isEqualTo("refused NOT_DESTINATION_COUNTRY");
    Path altered = data.resolve("altered.json");
    Files.writeString(
        altered, Files.readString(contents.get(first)).replace("\"carats\":\"", "\"carats\":\"1"));
    assertThat(confirm("BeImportMSP", first, altered)).isEqualTo("refused CONTENT_HASH_MISMATCH");
    assertThat(confirm("BeImportMSP", first, contents.get(first))).isEqualTo("confirmed");
    awaitShownConfirmed(first, "BeImportMSP");

    node.close();
    assertThat(confirm("BeImportMSP", numbers.get(1), contents.get(numbers.get(1))))
        .as("confirmed while the node is down")
        .isEqualTo("confirmed");
    CompletableFuture<String> during =
        CompletableFuture.supplyAsync(
            () -> confirm("BeImportMSP", numbers.get(2), contents.get(numbers.get(2))));
    start();
    assertThat(during.get()).as("confirmed while the node starts").isEqualTo("confirmed");
    assertThat(confirm("AeImportMSP", numbers.get(3), contents.get(numbers.get(3))))
        .isEqualTo("confirmed");
    for (String number : numbers) {
      awaitShownConfirmed(number, number.equals(numbers.get(3)) ? "AeImportMSP" : "BeImportMSP");
    }
    assertThat(recordedConfirmations())
        .containsOnlyKeys(numbers)
        .allSatisfy((n, c) -> assertThat(c).isEqualTo(1L));

    // every chaincode event delivered again from block 0: nothing recorded twice
    JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
    long checkpointed =
        jdbc.queryForObject("SELECT MAX(block_number) FROM fabric_event_checkpoint", Long.class);
    node.close();
    start();
    node.getBean(JdbcTemplate.class).update("DELETE FROM fabric_event_checkpoint");
    node.close();
    start();
    JdbcTemplate again = node.getBean(JdbcTemplate.class);
    await(
        "the chaincode events replayed up to block " + checkpointed,
        () ->
            again
                .queryForList("SELECT block_number FROM fabric_event_checkpoint", Long.class)
                .stream()
                .anyMatch(b -> b >= checkpointed));
    assertThat(recordedConfirmations())
        .containsOnlyKeys(numbers)
        .allSatisfy((n, c) -> assertThat(c).isEqualTo(1L));
  }

  @Test
  void aRegistrationRetriedAfterItsAnswerWasLostCountsAsDoneAndAnotherContentIsRefusedLoudly() {
    CertificateRegistrar registrar =
        new CertificateRegistrar(carFabric.contract("CertificateRegistry"));
    CertificateIssuedEvent issued = issuedEvent("CF-" + p + "R1", "12.40");
    registrar.on(issued);
    registrar.on(issued);
    assertThatThrownBy(() -> registrar.on(issuedEvent("CF-" + p + "R1", "12.41")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another party holds the number");
  }

  @Test
  void aCertificateIssuedWhileTheNetworkIsUnreachableIsRegisteredOnceItIsReachedAgain()
      throws Exception {
    Path dir = Files.createTempDirectory("kp-fabric-offline");
    ConfigurableApplicationContext offline =
        start(dir, "--kp.fabric.peer=127.0.0.1:" + closedPort());
    ConfigurableApplicationContext saved = node;
    String number;
    try {
      node = offline;
      number = issue(new CarFixture(this::ok, p).setUp(), 1, "BE");
      await("the registrar failing on the unreachable peer", () -> registrarFailing(offline));
      assertThat(onChannel(number).path("contentHash").asText()).isEmpty();
    } finally {
      offline.close();
      node = saved;
    }
    ConfigurableApplicationContext online = start(dir);
    try {
      String hash =
          CertificateContent.hashOf(
              online
                  .getBean(JdbcTemplate.class)
                  .queryForObject(
                      "SELECT content FROM certificate_content WHERE certificate_number = ?",
                      String.class,
                      number));
      await(
          number + " registered after the restart",
          () -> hash.equals(onChannel(number).path("contentHash").asText()));
    } finally {
      online.close();
    }
  }

  private static int closedPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static CertificateIssuedEvent issuedEvent(String number, String carats) {
    LocalDate today = LocalDate.now();
    return new CertificateIssuedEvent(
        number,
        "SH-X",
        "CAR-KP",
        today,
        today.plusDays(30),
        "BO-ALPHA",
        "Antwerp Rough NV",
        "BE",
        new BigDecimal(carats),
        new BigDecimal("100.00"),
        1,
        "7102.31",
        "CF");
  }

  /**
   * A lot bought, valued and sealed, then proposed, approved and certified for the country by the
   * shared script ({@link TraceScenario#certifyFor}).
   */
  private String issue(CarFixture car, int n, String country) {
    String lot = "LOT-" + n;
    ok("alpha-buyer", "RecordPurchase", car.purchase(lot, "M-1", "S-W", "2.00", "EXP-ALPHA", 2));
    TraceScenario.valueAndSeal(this::ok, p + lot, "400.00");
    TraceScenario.certifyFor(this::ok, car, n, "alpha-buyer", "EXP-ALPHA", country, p + lot);
    return TraceScenario.certificate(p, n);
  }

  /** {@code kp certificate content} as Belgium's import officer, into a file. */
  private Path content(String number) {
    Path file = data.resolve(number + ".json");
    int code =
        new CommandLine(new KpCli())
            .execute(
                "certificate",
                "content",
                "--url",
                url(),
                "--actor",
                data.resolve("keys/be-officer").toString(),
                "--number",
                number,
                "--out",
                file.toString());
    assertThat(code).isZero();
    return file;
  }

  /**
   * {@code kp certificate confirm-on-channel} as the organisation's client: {@code confirmed}, or
   * {@code refused CODE}.
   */
  private static String confirm(String msp, String number, Path content) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    synchronized (CertificateChannelFabricIT.class) {
      System.setErr(new PrintStream(err, true, UTF_8));
      try {
        code =
            new CommandLine(new KpCli())
                .execute(
                    "certificate",
                    "confirm-on-channel",
                    "--number",
                    number,
                    "--content",
                    content.toString(),
                    "--fabric-network",
                    network.toString(),
                    "--organisation",
                    msp,
                    "--identity",
                    "client");
      } finally {
        System.setErr(saved);
      }
    }
    String text = err.toString(UTF_8);
    if (code == 0) {
      return "confirmed";
    }
    assertThat(code).as(text).isEqualTo(1);
    assertThat(text).startsWith("refused: ");
    return "refused " + text.substring("refused: ".length()).split(":")[0];
  }

  private void awaitShownConfirmed(String number, String msp) {
    await(
        number + " shown confirmed on the channel",
        () -> !publicForm(number).path("confirmedOnChannel").isNull());
    JsonNode shown = publicForm(number).path("confirmedOnChannel");
    JsonNode registry = onChannel(number);
    assertThat(registry.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(shown.path("status").asText()).isEqualTo("CONFIRMED_ON_CHANNEL");
    assertThat(shown.path("txId").asText()).isEqualTo(registry.path("confirmedTxId").asText());
    assertThat(shown.path("confirmingMsp").asText()).isEqualTo(msp);
    assertThat(shown.path("blockNumber").asLong()).isPositive();
    assertThat(shown.has("contentHash")).as("not in the public form").isFalse();
    assertThat(publicForm(number).path("status").asText())
        .as("confirmed on the channel only")
        .isEqualTo("CONFIRMED_ON_CHANNEL");
  }

  /** CertificateConfirmedOnChannelEvent count per certificate of this test. */
  private Map<String, Long> recordedConfirmations() {
    Map<String, Long> counts = new HashMap<>();
    node.getBean(JdbcTemplate.class)
        .query(
            "SELECT aggregate_identifier, COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?"
                + " AND aggregate_identifier LIKE ? GROUP BY aggregate_identifier",
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            },
            CONFIRMED_EVENT,
            "CF-" + p + "%");
    return counts;
  }

  private JsonNode onChannel(String number) {
    try {
      return JSON.readTree(
          carFabric.contract("CertificateRegistry").evaluateTransaction("GetCertificate", number));
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private JsonNode publicForm(String number) {
    return get("/api/public/certificates/" + number);
  }

  private static void await(String what, Supplier<Boolean> condition) {
    Instant end = Instant.now().plus(DEADLINE);
    while (!condition.get()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(end);
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void start() {
    node = start(data);
  }

  /** A node on {@code dir} trusting the test's CAs, Fabric-enabled as CarKpMSP's client. */
  private static ConfigurableApplicationContext start(Path dir, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--server.port=0",
            "--kp.data-dir=" + dir,
            "--kp.trust-dir=" + data.resolve("trust"),
            "--kp.fabric.enabled=true",
            "--kp.fabric.network-properties=" + network,
            "--kp.fabric.organisation=CarKpMSP",
            "--kp.fabric.certificates.retry=PT1S"));
    args.addAll(List.of(TestDatabase.arguments(TestDatabase.forDataDir(dir))));
    args.addAll(List.of(more));
    return LedgerApplication.start(args.toArray(String[]::new));
  }

  private static FabricProperties fabric(String msp) {
    Duration s = Duration.ofSeconds(30);
    return new FabricProperties(
        true,
        network,
        msp,
        "client",
        null,
        null,
        null,
        null,
        null,
        "kp-channel",
        "kpledger",
        s,
        s,
        s,
        s);
  }

  private static String url() {
    return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  private static boolean registrarFailing(ConfigurableApplicationContext context) {
    return context
        .getBean(EventProcessingConfiguration.class)
        .eventProcessor(CertificateRegistrar.PROCESSING_GROUP, TrackingEventProcessor.class)
        .map(p -> p.processingStatus().values().stream().anyMatch(s -> s.isErrorState()))
        .orElse(false);
  }

  private JsonNode ok(String actor, String type, JsonNode payload) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(url() + "/api/commands"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Envelopes.sign(pki.get(actor), type, payload)))
                .build());
    assertThat(r.statusCode()).as(type + " by " + actor + ": " + r.body()).isEqualTo(200);
    return read(r.body());
  }

  private JsonNode get(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return read(r.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
