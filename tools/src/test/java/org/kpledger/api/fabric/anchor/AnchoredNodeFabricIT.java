package org.kpledger.api.fabric.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.api.Envelopes;
import org.kpledger.api.TestPki;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.cli.KpCli;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import picocli.CommandLine;

/**
 * The packaged node anchored to the live network, its key certified and registered with {@code kp
 * node certify} and {@code kp node register}: heads are anchored while signed commands flow, and
 * when the network is stopped for over a minute the heads wait and are caught up once it is back;
 * every head on the channel has its transaction and block in {@code anchor_transaction}, and the
 * channel's latest head is the node's latest signed head.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class AnchoredNodeFabricIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String origin = "it-node-" + UUID.randomUUID();
  private Process node;
  private Path data;
  private int port;
  private TestPki.TestActor registrar;
  private int zones;

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.destroy();
      node.waitFor();
    }
  }

  @Test
  void headsAreAnchoredWhileSignedCommandsFlow() throws Exception {
    startCertifiedNode();
    Instant until = Instant.now().plusSeconds(8);
    while (Instant.now().isBefore(until)) {
      submitZone();
    }
    long size = awaitAnchoredEverywhere(Duration.ofSeconds(90));
    assertThat(size).isEqualTo(zones);
    assertEveryChannelHeadKeptWithItsTransaction(2);
  }

  @Test
  void headsWaitWhileTheNetworkIsDownAndAreCaughtUpInOneTransaction() throws Exception {
    startCertifiedNode();
    for (int i = 0; i < 5; i++) {
      submitZone();
    }
    long before = awaitAnchoredEverywhere(Duration.ofSeconds(90));
    network("down");
    Instant downSince = Instant.now();
    try {
      while (Duration.between(downSince, Instant.now()).toSeconds() < 65) {
        submitZone();
        Thread.sleep(500); // a command every half second, for the length of the outage
      }
      JsonNode fabric =
          awaitStatus(s -> fabricSink(s).path("health").asText().equals("UNAVAILABLE"));
      assertThat(fabricSink(fabric).path("headsWaiting").asInt()).isPositive();
      assertThat(fabricSink(fabric).path("lastError").asText()).startsWith("unavailable");
      assertThat(
              localSink(fabric)
                  .path("lastAnchored")
                  .path("head")
                  .path("head")
                  .path("size")
                  .asLong())
          .as("the local sink anchors on")
          .isGreaterThan(before);
    } finally {
      network("up");
    }
    long size = awaitAnchoredEverywhere(Duration.ofSeconds(120));
    assertThat(size).isEqualTo(zones);
    List<Long> channelSizes = assertEveryChannelHeadKeptWithItsTransaction(1);
    assertThat(channelSizes.stream().filter(s -> s > before))
        .as("the heads signed during the outage were caught up in one transaction")
        .containsExactly(size);
  }

  private void startCertifiedNode() throws Exception {
    data = Files.createTempDirectory("kp-anchored");
    TestPki pki = new TestPki(data.resolve("trust"));
    pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    registrar = pki.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
    Path ca = Path.of(FabricTestNetwork.setting("CarKpMSP.crypto")).resolve("ca");
    assertThat(
            kp(
                "node",
                "certify",
                "--ca",
                ca.toString(),
                "--data-dir",
                data.toString(),
                "--node-id",
                "it-node",
                "--days",
                "1"))
        .isZero();
    assertThat(
            kp(
                "node", "register",
                "--network-properties", FabricTestNetwork.properties().toString(),
                "--ledger-id", origin,
                "--certificate", data.resolve("node/tree-head-cert.pem").toString(),
                "--ca-cert", ca.resolve("ca-cert.pem").toString()))
        .isZero();
    port = freePort();
    node = start();
  }

  private static int kp(String... args) {
    return new CommandLine(new KpCli()).execute(args);
  }

  private void submitZone() throws Exception {
    String zone = "ITZ-" + zones;
    String envelope =
        Envelopes.sign(
            registrar,
            "RegisterZone",
            JSON.createObjectNode()
                .put("zoneId", zone)
                .put("name", "Zone " + zone)
                .put("prefecture", "Lobaye"));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/commands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    zones++;
  }

  /** Waits until both sinks hold the latest signed head and it covers every event; its size. */
  private long awaitAnchoredEverywhere(Duration within) throws Exception {
    JsonNode status =
        awaitStatus(
            s -> {
              long signed = s.path("latestSigned").path("head").path("size").asLong(-1);
              return signed == zones
                  && s.path("treeSize").asLong() == zones
                  && anchoredSize(fabricSink(s)) == signed
                  && anchoredSize(localSink(s)) == signed;
            },
            within);
    String channel =
        new String(
            channel().contract("Anchor").evaluateTransaction("GetLatestHead", origin), UTF_8);
    JsonNode latest = JSON.readTree(channel).path("head");
    JsonNode signed = status.path("latestSigned").path("head");
    assertThat(latest.path("size").asLong()).isEqualTo(signed.path("size").asLong());
    assertThat(latest.path("rootHash").asText()).isEqualTo(signed.path("rootHash").asText());
    return signed.path("size").asLong();
  }

  /**
   * Stops the node and checks its anchor_transaction against the channel's history; returns the
   * sizes on the channel.
   */
  private List<Long> assertEveryChannelHeadKeptWithItsTransaction(int atLeast) throws Exception {
    JsonNode history =
        JSON.readTree(channel().contract("Anchor").evaluateTransaction("GetHeadHistory", origin));
    Map<Long, String> onChannel = new TreeMap<>();
    history.forEach(
        h -> onChannel.put(h.path("head").path("size").asLong(), h.path("txId").asText()));
    assertThat(onChannel).hasSizeGreaterThanOrEqualTo(atLeast);
    node.destroy();
    node.waitFor();
    node = null;
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + data.resolve("ledger"));
    h2.setUser("sa");
    Map<Long, String> kept = new TreeMap<>();
    for (AnchorTransaction row :
        new AnchorTransactionTable(h2::getConnection).list("fabric", 0, 10_000)) {
      assertThat(row.block()).isNotEmpty();
      kept.put(row.treeSize(), row.txId());
    }
    assertThat(kept).as("every head on the channel, with its transaction").isEqualTo(onChannel);
    return new ArrayList<>(onChannel.keySet());
  }

  private FabricConnection channelConnection;

  private FabricConnection channel() {
    if (channelConnection == null) {
      channelConnection = FabricTestNetwork.connect(FabricTestNetwork.MONITORING, "client");
    }
    return channelConnection;
  }

  @AfterEach
  void closeChannel() {
    if (channelConnection != null) {
      channelConnection.close();
    }
  }

  private static long anchoredSize(JsonNode sink) {
    return sink.path("lastAnchored").path("head").path("head").path("size").asLong(-1);
  }

  private static JsonNode fabricSink(JsonNode status) {
    return sink(status, "fabric");
  }

  private static JsonNode localSink(JsonNode status) {
    return sink(status, "local");
  }

  private static JsonNode sink(JsonNode status, String name) {
    for (JsonNode s : status.path("sinks")) {
      if (s.path("sink").asText().equals(name)) {
        return s;
      }
    }
    return JSON.missingNode();
  }

  private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
    return awaitStatus(condition, Duration.ofSeconds(60));
  }

  private JsonNode awaitStatus(Predicate<JsonNode> condition, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    JsonNode status = null;
    while (Instant.now().isBefore(deadline)) {
      status = JSON.readTree(get("/api/log/status"));
      if (condition.test(status)) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the anchoring status never got there: " + status);
  }

  /** network.sh down / up on the network the tests run against, as its description names it. */
  private static void network(String verb) throws Exception {
    Path script =
        Path.of(System.getProperty("user.dir"), "..", "network-config", "bin", "network.sh");
    Path log = Files.createTempFile("kp-network-" + verb, ".log");
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.normalize().toString(), verb)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("KP_FABRIC_WORK", FabricTestNetwork.setting("work"));
    pb.environment().put("KP_FABRIC_PORT_BASE", FabricTestNetwork.setting("portBase"));
    Process p = pb.start();
    assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("network.sh %s: %s", verb, Files.readString(log)).isZero();
  }

  private Process start() throws Exception {
    // the packaged node, as Failsafe names it (api/pom.xml, kp.node.jar)
    Path jar = Path.of("target", "kp-ledger.jar").toAbsolutePath();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "serve",
            "--kp.data-dir=" + data,
            "--server.port=" + port,
            "--kp.anchoring.origin=" + origin,
            "--kp.fabric.enabled=true",
            "--kp.fabric.network-properties=" + FabricTestNetwork.properties(),
            "--kp.fabric.organisation=CarKpMSP");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("node.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (JSON.readTree(get("/api/status")).path("status").asText().equals("UP")) {
          return p;
        }
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
      assertThat(p.isAlive())
          .as("node died: " + Files.readString(data.resolve("node.log")))
          .isTrue();
    }
    throw new AssertionError("node did not start: " + Files.readString(data.resolve("node.log")));
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
