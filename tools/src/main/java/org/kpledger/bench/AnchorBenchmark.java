package org.kpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.api.fabric.anchor.FabricAnchorSink;
import org.kpledger.api.fabric.anchor.LedgerNodeRegistration;
import org.kpledger.api.log.NodeKey;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Anchoring on the live Fabric network, against writing one Fabric transaction per event on the
 * same network in the same run ({@code kp bench anchor}).
 *
 * <p>The node: its tree-head key is certified by the KP authority's CA and registered under a fresh
 * origin, then the node runs in this process with the Fabric sink on, and client threads send
 * signed commands (the ingest benchmark's purchase mix) for the phase. For every acknowledged
 * command the latency runs from its acknowledgement to the commit (as the sink saw it) of the first
 * anchoring transaction whose head covers the leaf of its last event. The baseline anchors a head
 * after every single event through the same sink code: one {@code AppendHead} per event, each
 * waiting for its commit, as a chain of heads must (a head's proof starts from the one before it,
 * so the next cannot be endorsed before this one committed).
 */
public final class AnchorBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path networkProperties;
  private final int seconds;
  private final int threads;
  private final int baselineSeconds;
  private final Path dataDir;
  private final List<String> nodeArgs;

  /**
   * @param networkProperties the network's description ({@code network.sh up} writes it)
   * @param seconds length of the anchored phase
   * @param threads client threads sending signed commands
   * @param baselineSeconds length of the one-transaction-per-event phase
   * @param dataDir an empty directory for the node
   * @param nodeArgs extra node settings ({@code --name=value})
   */
  public AnchorBenchmark(
      Path networkProperties,
      int seconds,
      int threads,
      int baselineSeconds,
      Path dataDir,
      List<String> nodeArgs) {
    this.networkProperties = networkProperties.toAbsolutePath();
    this.seconds = seconds;
    this.threads = threads;
    this.baselineSeconds = baselineSeconds;
    this.dataDir = dataDir;
    this.nodeArgs = List.copyOf(nodeArgs);
  }

  /** Runs both phases and prints the table. */
  public void run() throws Exception {
    Properties network = load(networkProperties);
    OrganisationCa ca =
        OrganisationCa.load(Path.of(need(network, "CarKpMSP.crypto")).resolve("ca"));
    String origin = "kp-bench.local/anchor-" + UUID.randomUUID().toString().substring(0, 8);
    PublicKey nodeKey = NodeKey.publicKey(dataDir.resolve("node").resolve("tree-head-key.pem"));
    try (FabricConnection admin = FabricConnection.open(settings("admin"))) {
      LedgerNodeRegistration.register(
          admin,
          origin,
          LedgerNodeRegistration.certify(
              ca, "bench-node", nodeKey, Instant.now(), Duration.ofDays(1)),
          ca.certificate());
    }
    System.out.println("node key certified by CAR-KP and registered for " + origin);

    BenchWorld world = new BenchWorld(300, 1000);
    world.enrol(dataDir.resolve("trust"), threads);
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + dataDir);
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.kpledger=WARN");
    args.add("--kp.anchoring.origin=" + origin);
    args.add("--kp.fabric.enabled=true");
    args.add("--kp.fabric.network-properties=" + networkProperties);
    args.add("--kp.fabric.organisation=CarKpMSP");
    args.addAll(nodeArgs);
    ConfigurableApplicationContext node = LedgerApplication.start(args.toArray(String[]::new));
    Result anchored;
    Result baseline;
    try {
      String url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (Object[] c : world.referenceCommands()) {
        post(http, url, ((BenchActor) c[0]).sign((String) c[1], (JsonNode) c[2]));
      }
      AnchorTransactionTable table = node.getBean(AnchorTransactionTable.class);
      JdbcLeafIndex leaves = node.getBean(JdbcLeafIndex.class);
      long start = awaitAnchored(table, leaves, Duration.ofMinutes(2));
      System.out.printf("reference data anchored at tree size %,d%n", start);
      anchored = anchoredPhase(world, url, table, leaves, start);
      // the baseline runs while the node idles, on the same network, and keeps its blocks in the
      // node's table under a sink name of its own
      baseline = baselinePhase(network, table);
    } finally {
      node.close();
    }

    System.out.println();
    System.out.println(Machine.describe());
    System.out.println("network: " + networkProperties);
    nodeArgs.forEach(a -> System.out.println("node setting: " + a));
    System.out.println(Result.HEADER);
    System.out.println(anchored.row());
    System.out.println(baseline.row());
    System.out.printf(
        "anchoring covers %.0fx the events/s of one Fabric transaction per event%n",
        anchored.anchoredEventsPerSecond / Math.max(1e-9, baseline.anchoredEventsPerSecond));
    System.out.println(
        "(latency: from the command's acknowledgement, or the baseline's submission, to the"
            + " commit of the first transaction whose head covers its events)");
  }

  private Result anchoredPhase(
      BenchWorld world, String url, AnchorTransactionTable table, JdbcLeafIndex leaves, long start)
      throws Exception {
    String run = "A-" + UUID.randomUUID().toString().substring(0, 6);
    int rounds = Math.max(2000, seconds * 400 / threads);
    List<List<String>> envelopes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      envelopes.add(
          Workload.rounds(world, run, t, rounds, 500 + t).parallelStream()
              .map(s -> s.actor().sign(s.type(), s.payload()))
              .toList());
    }
    ConcurrentLinkedQueue<Acknowledged> acks = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Instant began = Instant.now();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<String> mine = envelopes.get(t);
      clients.add(
          pool.submit(
              () -> {
                HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; i < mine.size() && System.nanoTime() < deadline; i++) {
                  JsonNode answer = post(http, url, mine.get(i));
                  Instant at = Instant.now();
                  if (answer != null && answer.path("eventIds").size() > 0) {
                    JsonNode ids = answer.path("eventIds");
                    acks.add(new Acknowledged(at, ids.get(ids.size() - 1).asText()));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    Instant ended = Instant.now();
    long end = awaitAnchored(table, leaves, Duration.ofMinutes(5));
    List<AnchorTransaction> txs = table.list("fabric", start + 1, Integer.MAX_VALUE);
    List<Double> latencies = new ArrayList<>();
    for (Acknowledged a : acks) {
      long leaf = leaves.findByEventId(a.lastEventId).orElseThrow().leafIndex();
      Instant committed =
          txs.stream()
              .filter(tx -> tx.treeSize() > leaf)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("leaf " + leaf + " never anchored"))
              .committedAt();
      latencies.add(Duration.between(a.acknowledgedAt, committed).toNanos() / 1e6);
    }
    long events = end - start;
    Instant lastCommit = txs.isEmpty() ? ended : txs.get(txs.size() - 1).committedAt();
    double span = Duration.between(began, lastCommit).toNanos() / 1e9;
    System.out.printf(
        "anchored phase: %,d commands, %,d events in %.1f s; the last anchor committed %.1f s"
            + " after the last command%n",
        acks.size(),
        events,
        Duration.between(began, ended).toNanos() / 1e9,
        Duration.between(ended, lastCommit).toNanos() / 1e9);
    return new Result(
        "node, heads every 1,000 leaves or 1 s",
        acks.size(),
        events,
        txs.size(),
        events / span,
        latencies);
  }

  /** One head per event through the same sink code, each waiting for its commit. */
  private Result baselinePhase(Properties network, AnchorTransactionTable table) throws Exception {
    String origin = "kp-bench.local/per-event-" + UUID.randomUUID().toString().substring(0, 8);
    EcdsaP256TreeHeadSigner signer = EcdsaP256TreeHeadSigner.withNewKey();
    OrganisationCa ca =
        OrganisationCa.load(Path.of(need(network, "CarKpMSP.crypto")).resolve("ca"));
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    List<Double> latencies = new ArrayList<>();
    try (FabricConnection admin = FabricConnection.open(settings("admin"));
        FabricConnection client = FabricConnection.open(settings("client"))) {
      LedgerNodeRegistration.register(
          admin,
          origin,
          LedgerNodeRegistration.certify(
              ca, "bench-baseline", signer.publicKey(), Instant.now(), Duration.ofDays(1)),
          ca.certificate());
      FabricAnchorSink sink =
          new FabricAnchorSink("baseline", origin, client, table, signer, Clock.systemUTC());
      long deadline = System.nanoTime() + baselineSeconds * 1_000_000_000L;
      Instant began = Instant.now();
      long size = 0;
      while (System.nanoTime() < deadline) {
        log.appendAll(
            List.of(MerkleHash.leafHash(("event " + size).getBytes(StandardCharsets.UTF_8))));
        long next = size + 1;
        SignedTreeHead head =
            Checkpoint.sign(new TreeHead(origin, next, log.root(next), Instant.now()), signer);
        long t0 = System.nanoTime();
        AnchorReceipt receipt =
            sink.anchor(head, size == 0 ? List.of() : log.consistencyProof(size, next));
        latencies.add((System.nanoTime() - t0) / 1e6);
        if (receipt == null) {
          throw new IllegalStateException("no receipt");
        }
        size = next;
      }
      double span = Duration.between(began, Instant.now()).toNanos() / 1e9;
      System.out.printf("baseline phase: %,d events, one AppendHead each, in %.1f s%n", size, span);
      return new Result(
          "one Fabric transaction per event", size, size, size, size / span, latencies);
    }
  }

  /** Waits until the Fabric sink's last anchored head covers every leaf; returns its size. */
  private static long awaitAnchored(
      AnchorTransactionTable table, JdbcLeafIndex leaves, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    long last = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      long size = leaves.size();
      long anchored = table.last("fabric").map(AnchorTransaction::treeSize).orElse(0L);
      if (size != last) {
        last = size;
        stableSince = System.nanoTime();
      }
      // the log has stopped growing for a second (the projections and leaves caught up) and the
      // channel holds a head of its full size
      if (size > 0 && anchored == size && System.nanoTime() - stableSince > 1_000_000_000L) {
        return anchored;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "the Fabric sink did not anchor the whole log within " + within + "; see /api/log/status");
  }

  private FabricProperties settings(String identity) {
    Duration s = Duration.ofSeconds(30);
    return new FabricProperties(
        true,
        networkProperties,
        "CarKpMSP",
        identity,
        null,
        null,
        null,
        null,
        null,
        "kp-channel",
        "kpledger",
        s,
        Duration.ofSeconds(60),
        s,
        Duration.ofSeconds(120));
  }

  private static JsonNode post(HttpClient http, String url, String envelope) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/commands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      System.err.println("refused " + r.statusCode() + ": " + r.body());
      return null;
    }
    return JSON.readTree(r.body());
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the network description " + file, e);
    }
  }

  private static String need(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("the network description has no " + key);
    }
    return v;
  }

  private record Acknowledged(Instant acknowledgedAt, String lastEventId) {}

  /** One line of the table. */
  private record Result(
      String what,
      long commands,
      long events,
      long transactions,
      double anchoredEventsPerSecond,
      List<Double> latenciesMillis) {

    static final String HEADER =
        String.format(
            "%-40s %9s %9s %9s %12s %12s %9s %9s %9s",
            "path",
            "commands",
            "events",
            "Fabric tx",
            "tx/1000 ev",
            "events/s",
            "p50 ms",
            "p95 ms",
            "p99 ms");

    String row() {
      List<Double> sorted = new ArrayList<>(latenciesMillis);
      Collections.sort(sorted);
      return String.format(
          "%-40s %,9d %,9d %,9d %12.1f %12.1f %9.0f %9.0f %9.0f",
          what,
          commands,
          events,
          transactions,
          events == 0 ? 0 : transactions * 1000.0 / events,
          anchoredEventsPerSecond,
          percentile(sorted, 0.50),
          percentile(sorted, 0.95),
          percentile(sorted, 0.99));
    }

    private static double percentile(List<Double> sorted, double q) {
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(q * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
  }
}
