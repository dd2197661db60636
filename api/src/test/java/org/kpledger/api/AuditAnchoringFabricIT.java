package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.obj;

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
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.audit.Rule;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Role;
import org.kpledger.identity.TrustAnchors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node on the live Fabric network ({@code kp.fabric.enabled}, as the CAR KP authority's client)
 * whose heads are anchored through the Gateway exports an audit bundle with the real anchoring
 * blocks and the channel's configuration block (fetched by the node with {@code qscc}), and the
 * offline verifier, pinning the log key and the channel's CAs and requiring the Fabric anchor,
 * finds it clean. The node's own Fabric sink anchors the heads (its key certified and registered
 * first) and keeps each transaction's block in {@code anchor_transaction}.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditAnchoringFabricIT {
  private static final String ALL = "from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z";
  private static Path data;
  private static TestPki pki;

  @DynamicPropertySource
  static void nodeOnTheNetwork(DynamicPropertyRegistry registry) throws IOException {
    data = Files.createTempDirectory("kp-audit-fabric");
    pki = new TestPki(data.resolve("trust"));
    Path crypto = Path.of(FabricAnchoring.network().getProperty("CarKpMSP.crypto")).getParent();
    for (String msp :
        List.of("CarKpMSP", "KpMonitoringMSP", "BeImportMSP", "AeImportMSP", "KpOrdererMSP")) {
      pki.enrol(OrganisationCa.load(crypto.resolve(msp).resolve("ca")));
    }
    // the network's CAs were made an hour before they start to be valid: issue within them
    Instant from = Instant.now().minus(Duration.ofMinutes(5));
    Instant until = from.plus(Duration.ofDays(365));
    pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR, from, until);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR, from, until);
    registry.add("kp.data-dir", data::toString);
    registry.add("kp.anchoring.every-interval", () -> "PT0.1S");
    registry.add("kp.anchoring.origin", () -> "kp-ledger.it/" + UUID.randomUUID());
    registry.add("kp.fabric.enabled", () -> "true");
    registry.add("kp.fabric.network-properties", () -> FabricAnchoring.networkFile().toString());
    registry.add("kp.fabric.organisation", () -> "CarKpMSP");
  }

  @LocalServerPort int port;
  @Autowired EcdsaP256TreeHeadSigner nodeKey;
  @Autowired LocalAnchorSink localSink;
  @Autowired ConnectionProvider ledgerConnections;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void bundleWithTheRealAnchoringBlocksVerifiesOffline() throws Exception {
    AuditBundles audit = new AuditBundles(port, data.resolve("trust"), pki.get("mt-monitor"));
    AnchorTransactionTable table = new AnchorTransactionTable(ledgerConnections);
    assertThat(nodeAnchorsOnFabric()).as("kp.fabric.enabled adds the Fabric sink").isTrue();
    // the node's key is certified by the KP authority's CA and registered before its first head
    try (FabricAnchoring fabric = FabricAnchoring.connect(FabricAnchoring.networkFile())) {
      fabric.register(audit.verifierKey().split("\\+", 2)[0], nodeKey.publicKey());
    }
    registerZones(0, 3);
    audit.awaitCheckpoint(3);
    registerZones(3, 8);
    audit.awaitCheckpoint(8);
    AnchoredHead newest = localSink.lastAnchored().orElseThrow();
    awaitRow(table, newest.head().size());

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
    try (AuditBundle opened = AuditBundle.open(bundle)) {
      assertThat(opened.manifest().expectedAnchors()).containsExactly(FabricAnchoring.SINK);
      assertThat(opened.manifest().treeSize()).isEqualTo(newest.head().size());
      assertThat(opened.fabricAnchors())
          .extracting(AuditBundle.FabricAnchor::treeSize)
          .contains(newest.head().size());
      assertThat(opened.channelConfigs()).isNotEmpty();
    }

    Path withheld = audit.edit(bundle, AuditBundle.FABRIC_CHANNEL, text -> "");
    AuditReport missing = audit.verify(withheld);
    assertThat(missing.has(Rule.CHANNEL_CONFIG_MISSING, "checkpoint:" + newest.head().size()))
        .isTrue();
  }

  /** Whether the node itself runs a Fabric sink (a bean named as the evidence's sink). */
  private boolean nodeAnchorsOnFabric() {
    return context.getBeansOfType(AnchorSink.class).values().stream()
        .anyMatch(s -> s.name().equals(FabricAnchoring.SINK));
  }

  private static void awaitRow(AnchorTransactionTable table, long size) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (table.at(FabricAnchoring.SINK, size).isEmpty()) {
      assertThat(Instant.now()).as("the Fabric sink anchored size " + size).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private void registerZones(int from, int to) {
    for (int i = from; i < to; i++) {
      String zone = "Z-FABRIC-" + i;
      submit(
          Envelopes.sign(
              pki.get("kp-registrar"),
              "RegisterZone",
              obj("zoneId", zone, "name", zone, "prefecture", "X")));
    }
  }

  private void submit(String envelope) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(envelope))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
