package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.obj;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.api.audit.FabricAnchoring;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.certificate.ImporterConfirmation;
import org.kpledger.api.processing.StoredPayloadType;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.audit.Rule;
import org.kpledger.audit.fabric.ChannelConfirmationVerifier;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.identity.TrustAnchors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A certificate's confirmation on the live channel, in an audit bundle: a node on the network
 * ({@code kp.fabric.enabled}, as the CAR KP authority's client, trusting the network's own
 * organisation CAs) issues a certificate for Belgium, registers it on the channel, and records
 * Belgium's importing authority's confirmation (made here with its own Fabric client) with the
 * confirming block; the node's heads are anchored on the channel; the bundle it exports verifies
 * clean offline with the library call of {@code kp verify}, pinning the log key and the channel's
 * CAs, the confirmation event checked on its Fabric transaction instead of an envelope. Without the
 * channel's configuration the confirmation cannot be checked and the verifier says so on the event.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChannelConfirmationAuditFabricIT {
  private static final String ALL = "from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z";
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path data;
  private static TestPki pki;

  @DynamicPropertySource
  static void nodeOnTheNetwork(DynamicPropertyRegistry registry) throws IOException {
    data = Files.createTempDirectory("kp-confirmation-audit");
    pki = new TestPki(data.resolve("trust"));
    Path crypto = Path.of(FabricAnchoring.network().getProperty("CarKpMSP.crypto")).getParent();
    for (String msp :
        List.of("CarKpMSP", "KpMonitoringMSP", "BeImportMSP", "AeImportMSP", "KpOrdererMSP")) {
      pki.enrol(OrganisationCa.load(crypto.resolve(msp).resolve("ca")));
    }
    pki.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
    // the network's CAs were made an hour before they start to be valid: issue within them
    Instant from = Instant.now().minus(Duration.ofMinutes(5));
    Instant until = from.plus(Duration.ofDays(365));
    pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR, from, until);
    pki.actor("CAR-KP", "becdor-valuer", Role.VALUER, from, until);
    pki.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER, from, until);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR, from, until);
    pki.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
    registry.add("kp.data-dir", data::toString);
    registry.add("kp.anchoring.every-interval", () -> "PT0.1S");
    registry.add("kp.anchoring.origin", () -> "kp-ledger.it/" + UUID.randomUUID());
    registry.add("kp.fabric.enabled", () -> "true");
    registry.add("kp.fabric.network-properties", () -> FabricAnchoring.networkFile().toString());
    registry.add("kp.fabric.organisation", () -> "CarKpMSP");
    registry.add("kp.fabric.certificates.retry", () -> "PT1S");
  }

  @LocalServerPort int port;
  @Autowired EcdsaP256TreeHeadSigner nodeKey;
  @Autowired LocalAnchorSink localSink;
  @Autowired ConnectionProvider ledgerConnections;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String p = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";

  @Test
  void bundleWithAConfirmationRecordedFromTheChannelVerifiesOffline() throws Exception {
    AuditBundles audit = new AuditBundles(port, data.resolve("trust"), pki.get("mt-monitor"));
    assertThat(nodeAnchorsOnFabric()).as("kp.fabric.enabled adds the Fabric sink").isTrue();
    // the node's key is certified by the KP authority's CA and registered before its first head
    try (FabricAnchoring fabric = FabricAnchoring.connect(FabricAnchoring.networkFile())) {
      fabric.register(audit.verifierKey().split("\\+", 2)[0], nodeKey.publicKey());
    }
    String number = issueForBelgium(new CarFixture(this::ok, p).setUp());
    try (FabricConnection car =
        FabricConnection.open(FabricAnchoring.settings(FabricAnchoring.networkFile(), "client"))) {
      await(number + " registered on the channel", () -> registered(car, number));
    }
    String content =
        jdbc.queryForObject(
            "SELECT content FROM certificate_content WHERE certificate_number = ?",
            String.class,
            number);
    ImporterConfirmation.Confirmed confirmed;
    try (FabricConnection belgium =
        FabricConnection.open(
            FabricAnchoring.settings(FabricAnchoring.networkFile(), "BeImportMSP", "client"))) {
      confirmed = ImporterConfirmation.confirm(belgium, number, content);
    }
    await(number + " confirmation recorded", () -> confirmationEvent(number) != null);
    String eventId = confirmationEvent(number);
    JsonNode meta =
        JSON.readTree(
            org.kpledger.eventstore.PackedJson.unpack(
                jdbc.queryForObject(
                    "SELECT meta_data FROM domain_event_entry WHERE event_identifier = ?",
                    byte[].class,
                    eventId)));
    assertThat(meta.path(LedgerMetaData.FABRIC_BLOCK).asText()).isNotEmpty();
    assertThat(meta.has(LedgerMetaData.ENVELOPE)).isFalse();

    long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    audit.awaitCheckpoint(events);
    AnchoredHead newest = localSink.lastAnchored().orElseThrow();
    AnchorTransactionTable table = new AnchorTransactionTable(ledgerConnections);
    await("the Fabric sink anchored " + newest.head().size(), () -> anchored(table, newest));

    Path bundle = audit.export(ALL);
    AuditReport report =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.of(audit.verifierKey()),
                    Optional.of(TrustAnchors.loadDirectory(data.resolve("trust"))),
                    Optional.empty(),
                    false,
                    2,
                    Set.of("fabric")))
            .verify(bundle);
    System.out.print(report.format());
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().events()).isGreaterThanOrEqualTo(events);
    try (AuditBundle opened = AuditBundle.open(bundle)) {
      assertThat(opened.channelConfigs()).isNotEmpty();
    }
    assertThat(eventText(bundle, eventId)).contains(confirmed.txId());

    Path withheld = audit.edit(bundle, AuditBundle.FABRIC_CHANNEL, text -> "");
    AuditReport missing = audit.verify(withheld);
    assertThat(missing.has(Rule.CHANNEL_CONFIG_MISSING, "event:" + eventId)).isTrue();
  }

  /** The bundle's line of one event. */
  private static String eventText(Path bundle, String eventId) throws IOException {
    try (AuditBundle opened = AuditBundle.open(bundle);
        var in = opened.events()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .filter(l -> l.contains("\"eventId\":\"" + eventId + "\""))
          .findFirst()
          .orElse("");
    }
  }

  /** The id of the certificate's confirmation event, if recorded. */
  private String confirmationEvent(String number) {
    return jdbc
        .queryForList(
            "SELECT event_identifier FROM domain_event_entry"
                + " WHERE payload_type IN (?, ?) AND aggregate_identifier = ?",
            String.class,
            ChannelConfirmationVerifier.EVENT_TYPE,
            StoredPayloadType.kept(ChannelConfirmationVerifier.EVENT_TYPE),
            number)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static boolean registered(FabricConnection car, String number) {
    try {
      return JSON.readTree(
              car.contract("CertificateRegistry").evaluateTransaction("GetCertificate", number))
          .path("status")
          .asText()
          .equals("REGISTERED");
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean anchored(AnchorTransactionTable table, AnchoredHead head) {
    try {
      return table.at(FabricAnchoring.SINK, head.head().size()).isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  /** Whether the node itself runs a Fabric sink (a bean named as the evidence's sink). */
  private boolean nodeAnchorsOnFabric() {
    return context.getBeansOfType(AnchorSink.class).values().stream()
        .anyMatch(s -> s.name().equals(FabricAnchoring.SINK));
  }

  /** A lot bought, valued, sealed, proposed, approved and certified for Belgium. */
  private String issueForBelgium(CarFixture car) {
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-1", "M-1", "S-W", "2.00", "EXP-ALPHA", 2));
    TraceScenario.valueAndSeal(this::ok, p + "LOT-1", "400.00");
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-1",
            "exporterLicence",
            p + "EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            arr(p + "LOT-1")));
    ok("mt-monitor", "ApproveShipment", obj("shipmentId", p + "SH-1", "decisionRef", "MT-1"));
    String number = "CF-" + p + "0001";
    ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            number,
            "shipmentId",
            p + "SH-1",
            "issuedOn",
            car.today.toString(),
            "expiresOn",
            car.today.plusDays(30).toString(),
            "hsCode",
            "7102.31"));
    return number;
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

  private JsonNode ok(String actor, String type, JsonNode payload) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Envelopes.sign(pki.get(actor), type, payload)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(type + " by " + actor + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
