package org.kpledger.contracts.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.TestOrganisations.CAR_KP;
import static org.kpledger.contracts.TestOrganisations.IMPORTER;
import static org.kpledger.contracts.TestOrganisations.MONITORING;
import static org.kpledger.contracts.TestOrganisations.OTHER_IMPORTER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.contracts.TestOrganisations;

/**
 * Runs the packaged chaincode jar as a chaincode service (the way {@code network-config} starts it:
 * {@code CHAINCODE_SERVER_ADDRESS}, {@code CORE_CHAINCODE_ID_NAME}) and drives it over the
 * chaincode gRPC protocol with {@link FakePeer}, so the service, the contract routing, the argument
 * and result encoding and the refusals are checked end to end, without a Fabric network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaincodeServiceIT {

  private static final Path GOLDEN = Path.of(System.getProperty("kp.formats.dir"), "anchor");
  private static final Instant T = Instant.parse("2026-11-27T12:00:00Z");

  private Process service;
  private FakePeer peer;

  @BeforeAll
  void startService() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("chaincode-service", ".log");
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx256m", "-jar", System.getProperty("kp.chaincode.jar"));
    builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
    builder.environment().put("CORE_CHAINCODE_ID_NAME", "kpledger_1:0000");
    service = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!listening(port)) {
      assertThat(service.isAlive()).as("chaincode service running, see " + log).isTrue();
      assertThat(System.nanoTime())
          .as("chaincode service listening within 90 s")
          .isLessThan(deadline);
      Thread.sleep(250);
    }
    peer = new FakePeer(port);
  }

  @AfterAll
  void stopService() throws Exception {
    if (peer != null) {
      peer.close();
    }
    if (service != null) {
      service.destroy();
      service.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anchorsTheGoldenHeadsAndRefusesEachTamperedOneThroughTheService() throws Exception {
    String ledger = "kp-ledger.example/car";
    FakePeer.Result registered =
        peer.invoke(
            CAR_KP.admin(),
            "golden-tx-0",
            T,
            "Anchor:RegisterLedgerNode",
            ledger,
            CAR_KP.ledgerNode(TestOrganisations.publicKey(golden("ledger-node-key.pem"))),
            CAR_KP.caPem());
    assertThat(registered.status()).as(registered.response().getMessage()).isEqualTo(200);
    FakePeer.Result first =
        peer.invoke(
            CAR_KP.client(), "golden-tx-1", T, "Anchor:AppendHead", golden("anchor-first.json"));
    assertThat(first.status()).as(first.response().getMessage()).isEqualTo(200);
    assertThat(first.payload()).isEqualTo(golden("anchored-head.json"));
    assertThat(first.writes().values())
        .allSatisfy(v -> assertThat(v.toStringUtf8()).isEqualTo(golden("anchored-head.json")));
    assertThat(first.event().getEventName()).isEqualTo("HeadAnchored");
    assertThat(first.event().getPayload().toStringUtf8()).isEqualTo(golden("anchored-head.json"));
    assertThat(
            peer.invoke(CAR_KP.client(), "tx-2", T, "Anchor:AppendHead", golden("anchor-next.json"))
                .status())
        .isEqualTo(200);

    try (var files = Files.list(GOLDEN.resolve("refused"))) {
      for (Path file : files.sorted().toList()) {
        var json = new ObjectMapper().readTree(file.toFile());
        FakePeer.Result refused =
            peer.invoke(
                CAR_KP.client(),
                "tx-" + file.getFileName(),
                T,
                "Anchor:AppendHead",
                json.get("request").toString());
        String code = json.get("refusal").asText();
        assertThat(refused.status()).as(file.getFileName().toString()).isEqualTo(500);
        assertThat(refused.response().getMessage()).startsWith(code + ": ");
        assertThat(refused.payload()).isEqualTo(code);
      }
    }
    String latest =
        peer.invoke(MONITORING.client(), "tx-q", T, "Anchor:GetLatestHead", ledger).payload();
    assertThat(latest).contains("\"size\":7,");
    String history =
        peer.invoke(IMPORTER.client(), "tx-h", T, "Anchor:GetHeadHistory", ledger).payload();
    assertThat(history).startsWith("[" + golden("anchored-head.json") + ",").endsWith(latest + "]");
  }

  @Test
  void registersAndConfirmsACertificateAndRefusesForgedConfirmationsThroughTheService()
      throws Exception {
    String number = "CF-IT-0001";
    String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    String other = "0".repeat(64);
    String register = "CertificateRegistry:RegisterCertificate";
    String confirm = "CertificateRegistry:ConfirmCertificate";
    assertThat(peer.invoke(CAR_KP.client(), "c-1", T, register, number, hash, "BE").status())
        .isEqualTo(200);
    assertThat(peer.invoke(CAR_KP.client(), "c-2", T, register, number, hash, "BE").payload())
        .isEqualTo("DUPLICATE_CERTIFICATE");
    assertThat(peer.invoke(MONITORING.client(), "c-3", T, confirm, number, hash).payload())
        .isEqualTo("NOT_IMPORTING_AUTHORITY");
    assertThat(peer.invoke(OTHER_IMPORTER.client(), "c-3b", T, confirm, number, hash).payload())
        .isEqualTo("NOT_DESTINATION_COUNTRY");
    assertThat(peer.invoke(IMPORTER.client(), "c-4", T, confirm, number, other).payload())
        .isEqualTo("CONTENT_HASH_MISMATCH");
    FakePeer.Result confirmed = peer.invoke(IMPORTER.client(), "c-5", T, confirm, number, hash);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.event().getEventName()).isEqualTo("CertificateConfirmed");
    String status =
        peer.invoke(MONITORING.client(), "c-6", T, "CertificateRegistry:GetCertificate", number)
            .payload();
    assertThat(new ObjectMapper().readTree(status).get("status").asText()).isEqualTo("CONFIRMED");
  }

  private static String golden(String name) throws IOException {
    return Files.readString(GOLDEN.resolve(name), UTF_8).strip();
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
