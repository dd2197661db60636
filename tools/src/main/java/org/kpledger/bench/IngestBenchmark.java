package org.kpledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.command.CommandCatalog;
import org.kpledger.api.command.ReceiptInterceptor;
import org.kpledger.api.projection.ProjectionStatus;
import org.kpledger.api.projection.Projections;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.progress.ProgressLine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed commands per second over HTTP against the same mix sent unsigned straight to the same Axon
 * setup, on a fresh H2 file database (or the PostgreSQL database named by {@code --node-arg}), for
 * several client thread counts. Envelopes are signed before each timed phase so the clients'
 * signing does not take the node's CPU.
 */
public final class IngestBenchmark {
  private final int seconds;
  private final int warmupSeconds;
  private int phaseSeconds;
  private final int[] threadCounts;
  private final int maxRate;
  private final int[] batchSizes;
  private final Path dataDir;
  private final List<String> nodeArgs;
  private final int worldSites;
  private final int worldMiners;
  private long phaseCpuStart;
  private jdk.jfr.Recording phaseRecording;
  private Map<String, Map.Entry<String, Long>> phaseThreadCpu = Map.of();
  private Projections projections;
  private JdbcTemplate jdbc;
  private Clock nodeClock;
  private StoreCounters store;
  private long[] phaseWritesStart = new long[3];
  private final long[] reportAtEvents;
  private volatile String phase = "the reference data's catch-up";
  private boolean warmingUp;
  private Duration restCeiling = Duration.ZERO;
  private Duration jitSettleCeiling = Duration.ZERO;

  /**
   * The JIT counts as settled on a path once its compilers took less than this share of the
   * process's CPU in a warm-up round of it.
   */
  static final double SETTLED_JIT_SHARE = 0.10;

  /** Seconds of a warm-up round run while the JIT has not settled. */
  private static final int SETTLE_ROUND_SECONDS = 15;

  /**
   * @param seconds duration of each timed phase
   * @param warmupSeconds untimed load before the first phase, so the JIT has compiled the hot paths
   * @param threadCounts the client thread counts to run
   * @param maxRate commands per second the pre-signed supply is sized for
   * @param batchSizes envelopes per batch request, one set of batched phases for each (0: none)
   * @param dataDir an empty directory for the node's database
   * @param nodeArgs extra node settings ({@code --name=value}), to compare configurations
   * @param reportAtEvents describe the database (on H2 the file against its live data) the moments
   *     the event store passes these numbers of events, whatever the machine's speed (none, or 0:
   *     only at the end)
   */
  public IngestBenchmark(
      int seconds,
      int warmupSeconds,
      int[] threadCounts,
      int maxRate,
      int[] batchSizes,
      Path dataDir,
      List<String> nodeArgs,
      long[] reportAtEvents) {
    this(
        seconds,
        warmupSeconds,
        threadCounts,
        maxRate,
        batchSizes,
        dataDir,
        nodeArgs,
        reportAtEvents,
        300,
        1000);
  }

  /** As the public constructor, with a reference world of {@code sites} and {@code miners}. */
  IngestBenchmark(
      int seconds,
      int warmupSeconds,
      int[] threadCounts,
      int maxRate,
      int[] batchSizes,
      Path dataDir,
      List<String> nodeArgs,
      long[] reportAtEvents,
      int sites,
      int miners) {
    if (java.util.Arrays.stream(reportAtEvents).anyMatch(e -> e < 0)) {
      throw new IllegalArgumentException(
          "the numbers of events to describe the store at must be positive (0: none), not "
              + java.util.Arrays.toString(reportAtEvents));
    }
    this.reportAtEvents = java.util.Arrays.stream(reportAtEvents).filter(e -> e != 0).toArray();
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
    this.phaseSeconds = seconds;
    this.threadCounts = threadCounts;
    this.maxRate = maxRate;
    this.batchSizes = java.util.Arrays.stream(batchSizes).filter(b -> b > 0).toArray();
    this.dataDir = dataDir;
    this.nodeArgs = List.copyOf(nodeArgs);
    this.worldSites = sites;
    this.worldMiners = miners;
  }

  /**
   * After the last phase, on the embedded H2, describes the file again once the node's compaction
   * has settled it ({@link StoreAtRest}), waiting at most {@code ceiling} (zero: not at all, the
   * default).
   */
  public IngestBenchmark restWithin(Duration ceiling) {
    if (ceiling.isNegative()) {
      throw new IllegalArgumentException("the wait for the file at rest must not be negative");
    }
    this.restCeiling = ceiling;
    return this;
  }

  /**
   * After the timed warm-up, runs again, in rounds of 15 s, each path whose last warm-up round the
   * JIT compilers took {@link #SETTLED_JIT_SHARE} or more of the process's CPU in, until none does
   * or {@code ceiling} has passed (zero: the timed warm-up only, the default). On two cores C2
   * still compiles for minutes after a fixed warm-up, and a phase measured meanwhile measures the
   * compiler as much as the node.
   */
  public IngestBenchmark settleJitWithin(Duration ceiling) {
    if (ceiling.isNegative()) {
      throw new IllegalArgumentException("the wait for the JIT to settle must not be negative");
    }
    this.jitSettleCeiling = ceiling;
    return this;
  }

  /** Runs every phase and prints the table. */
  public void run() throws Exception {
    int maxThreads = java.util.Arrays.stream(threadCounts).max().orElse(1);
    BenchWorld world = new BenchWorld(worldSites, worldMiners);
    world.enrol(dataDir.resolve("trust"), maxThreads);
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + dataDir);
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.kpledger=WARN");
    args.addAll(nodeArgs);
    ConfigurableApplicationContext node = LedgerApplication.start(args.toArray(String[]::new));
    StoreAtEvents atEvents = null;
    try {
      String url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      long t0 = System.nanoTime();
      HttpClient http = client();
      for (Object[] c : world.referenceCommands()) {
        BenchActor a = (BenchActor) c[0];
        post(
            http,
            url + "/api/commands",
            a.sign((String) c[1], (com.fasterxml.jackson.databind.JsonNode) c[2]));
      }
      System.out.printf(
          "reference data: %d signed commands in %.1f s%n",
          world.referenceCommands().size(), (System.nanoTime() - t0) / 1e9);
      JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
      projections = node.getBean(Projections.class);
      this.jdbc = jdbc;
      String engine = node.getBean(org.kpledger.api.storage.StorageDurability.class).engine();
      this.store = StoreCounters.of(jdbc, engine);
      if (reportAtEvents.length > 0) {
        atEvents = new StoreAtEvents(jdbc, store, reportAtEvents, () -> phase).start();
      }
      CommandGateway gateway = node.getBean(CommandGateway.class);
      // the unsigned path skips the node's CommandService, so it stamps the record time itself,
      // from the node's own clock as CommandService does
      this.nodeClock = node.getBean(Clock.class);
      ObjectMapper mapper = node.getBean(ObjectMapper.class);
      warmUp(world, url, gateway, mapper);
      List<PhaseResult> results = new ArrayList<>();
      StageProfile signedProfile = new StageProfile();
      StageProfile unsignedProfile = new StageProfile();
      MeterRegistry meters = node.getBean(MeterRegistry.class);
      boolean grouped =
          node.getEnvironment()
              .getProperty("kp.commands.group-commit.enabled", Boolean.class, Boolean.TRUE);
      for (int threads : threadCounts) {
        double[] groupsBefore = groups(meters);
        results.add(anchored(jdbc, signedPhase(world, url, threads), signedProfile));
        printGroups(grouped, groupsBefore, groups(meters));
        System.out.println(PhaseResult.header() + "\n" + results.get(results.size() - 1).row());
      }
      StageProfile batchProfile = new StageProfile();
      for (int batchSize : batchSizes) {
        for (int threads : threadCounts) {
          results.add(anchored(jdbc, batchPhase(world, url, threads, batchSize), batchProfile));
          System.out.println(PhaseResult.header() + "\n" + results.get(results.size() - 1).row());
        }
      }
      for (int threads : threadCounts) {
        results.add(
            anchored(jdbc, unsignedPhase(world, gateway, mapper, threads), unsignedProfile));
        System.out.println(PhaseResult.header() + "\n" + results.get(results.size() - 1).row());
      }
      System.out.println();
      System.out.println(Machine.describe());
      System.out.println("database: " + node.getEnvironment().getProperty("spring.datasource.url"));
      nodeArgs.forEach(a -> System.out.println("node setting: " + a));
      if (atEvents != null) {
        atEvents.close();
        atEvents.lines().forEach(System.out::println);
      }
      System.out.printf(
          "at the end: %s, %,d events stored%n",
          store.describe(),
          jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
      if (!restCeiling.isZero() && !"PostgreSQL".equals(engine)) {
        // a poll a second (the compaction's pace), settled after 10 unchanged states
        StoreAtRest.Rest rest =
            StoreAtRest.await(store::restState, Duration.ofSeconds(1), 10, restCeiling);
        System.out.println(rest.line(store.describe()));
      }
      System.out.println(PhaseResult.header());
      results.forEach(r -> System.out.println(r.row()));
      System.out.println();
      System.out.print(signedProfile.table("where the node's CPU went, signed phases"));
      if (batchSizes.length > 0) {
        System.out.print(batchProfile.table("where the node's CPU went, signed batch phases"));
        System.out.println(
            "(batch/N phases: p50 and p99 are of a request of N commands; every command in it is"
                + " acknowledged when the request returns)");
      }
      System.out.print(unsignedProfile.table("where the node's CPU went, unsigned phases"));
      System.out.println("ECDSA P-256 verifications per second on one thread:");
      System.out.print(SignatureThroughput.measure(2));
    } finally {
      if (atEvents != null) {
        atEvents.close();
      }
      node.close();
    }
  }

  /**
   * Runs every path untimed for {@code warmupSeconds} in all (one command per request, batches,
   * unsigned), then each path again whose JIT had not settled ({@link #settleJitWithin}), then
   * waits for the processors: on two cores the JIT compiles for minutes after the node starts (C2
   * took more CPU than the commands in the first phases of an unwarmed run, and a third of it in
   * the first phase after 95 s of warm-up), and a node in service has long passed that point.
   */
  private void warmUp(BenchWorld world, String url, CommandGateway gateway, ObjectMapper mapper)
      throws Exception {
    if (warmupSeconds <= 0) {
      return;
    }
    int maxThreads = java.util.Arrays.stream(threadCounts).max().orElse(1);
    phaseSeconds = Math.max(1, warmupSeconds / (batchSizes.length > 0 ? 3 : 2));
    warmingUp = true;
    long t0 = System.nanoTime();
    long commands = 0;
    Map<String, Double> jit = new java.util.LinkedHashMap<>();
    try {
      Map<String, java.util.concurrent.Callable<PhaseResult>> paths =
          new java.util.LinkedHashMap<>();
      paths.put("signed/HTTP", () -> signedPhase(world, url, maxThreads));
      if (batchSizes.length > 0) {
        paths.put(
            "batch/" + batchSizes[0], () -> batchPhase(world, url, maxThreads, batchSizes[0]));
      }
      paths.put("axon/no-sig", () -> unsignedPhase(world, gateway, mapper, maxThreads));
      long settleDeadline = 0;
      for (int round = 0; ; round++) {
        for (Map.Entry<String, java.util.concurrent.Callable<PhaseResult>> path :
            paths.entrySet()) {
          if (round > 0 && jit.get(path.getKey()) < SETTLED_JIT_SHARE) {
            continue;
          }
          Map<String, Map.Entry<String, Long>> before = ThreadCpu.snapshot();
          commands += path.getValue().call().commands();
          phaseRecording.close();
          jit.put(path.getKey(), ThreadCpu.jitShare(ThreadCpu.spent(before, ThreadCpu.snapshot())));
        }
        if (round == 0) {
          settleDeadline = System.nanoTime() + jitSettleCeiling.toNanos();
          phaseSeconds = Math.min(SETTLE_ROUND_SECONDS, Math.max(1, phaseSeconds));
        }
        if (jit.values().stream().allMatch(share -> share < SETTLED_JIT_SHARE)
            || System.nanoTime() >= settleDeadline) {
          break;
        }
      }
      while (anchoringLag(jdbc) > 0 || projectionLag() > 0) {
        Thread.sleep(100);
      }
    } finally {
      phaseSeconds = seconds;
      warmingUp = false;
    }
    StringBuilder shares = new StringBuilder();
    jit.forEach(
        (path, share) ->
            shares
                .append(shares.isEmpty() ? "" : ", ")
                .append(path)
                .append(' ')
                .append(String.format("%.0f %%", 100 * share)));
    boolean settled = jit.values().stream().allMatch(share -> share < SETTLED_JIT_SHARE);
    System.out.printf(
        "warm-up: %,d commands on every path in %.1f s, not counted; the JIT compilers' share of"
            + " the CPU in each path's last warm-up round: %s%s%n",
        commands,
        (System.nanoTime() - t0) / 1e9,
        shares,
        settled || jitSettleCeiling.isZero()
            ? ""
            : String.format(
                " (not settled under %.0f %% within %d s more)",
                100 * SETTLED_JIT_SHARE, jitSettleCeiling.toSeconds()));
  }

  /**
   * Records how many committed events the anchoring processor had not yet made leaves, and how far
   * the projections were behind, when the phase ended; then waits for both to catch up, so the
   * phase's CPU time includes their work and the next phase starts level.
   */
  private PhaseResult anchored(JdbcTemplate jdbc, PhaseResult phase, StageProfile profile)
      throws InterruptedException, java.io.IOException {
    long lag = anchoringLag(jdbc);
    long projectionLag = projectionLag();
    long start = System.nanoTime();
    long deadline = start + 300_000_000_000L;
    while ((anchoringLag(jdbc) > 0 || projectionLag() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    System.out.printf(
        "anchoring %d and projections %d events behind at the end of the phase,"
            + " both caught up in %.1f s%n",
        lag, projectionLag, (System.nanoTime() - start) / 1e9);
    double cpuMillis = (processCpuNanos() - phaseCpuStart) / 1e6 / Math.max(1, phase.commands());
    profile.add(phaseRecording);
    Map<String, Map.Entry<String, Long>> threadCpu = ThreadCpu.snapshot();
    profile.addThreadCpu(phaseThreadCpu, threadCpu);
    double jit = ThreadCpu.jitShare(ThreadCpu.spent(phaseThreadCpu, threadCpu));
    long[] writes = storeWrites();
    long commands = Math.max(1, phase.commands());
    phase =
        phase.withWrites(
            (double) (writes[0] - phaseWritesStart[0]) / commands,
            (writes[1] - phaseWritesStart[1]) / 1024.0 / commands,
            (writes[2] - phaseWritesStart[2]) / 1e6 / commands);
    return phase.withBacklog(lag, projectionLag, cpuMillis).withJitShare(jit);
  }

  /** The database's own write counters and server CPU time (StoreCounters). */
  private long[] storeWrites() {
    return store == null ? new long[3] : store.read();
  }

  private long projectionLag() {
    return projections.status().stream().mapToLong(ProjectionStatus::lag).max().orElse(0);
  }

  private static long anchoringLag(JdbcTemplate jdbc) {
    Long lag =
        jdbc.queryForObject(
            "SELECT (SELECT COUNT(*) FROM domain_event_entry) - (SELECT COUNT(*) FROM merkle_leaf)",
            Long.class);
    return lag == null ? 0 : lag;
  }

  /**
   * The node's group commit counters (CommandGroups): groups committed, commands in them, groups
   * rolled back and retried alone.
   */
  private static double[] groups(MeterRegistry meters) {
    DistributionSummary sizes = meters.find("kp.commands.group.size").summary();
    Counter retried = meters.find("kp.commands.groups").tag("outcome", "retried-alone").counter();
    return new double[] {
      sizes == null ? 0 : sizes.count(),
      sizes == null ? 0 : sizes.totalAmount(),
      retried == null ? 0 : retried.count()
    };
  }

  private static void printGroups(boolean grouped, double[] before, double[] after) {
    if (!grouped) {
      System.out.println("group commit off: one transaction per command");
      return;
    }
    double groups = after[0] - before[0];
    double commands = after[1] - before[1];
    System.out.printf(
        "group commit: %,.0f commands in %,.0f groups (%.2f a group), %,.0f groups retried alone%n",
        commands, groups, groups == 0 ? 0 : commands / groups, after[2] - before[2]);
  }

  private PhaseResult signedPhase(BenchWorld world, String url, int threads) throws Exception {
    String run = "S" + threads + "-" + UUID.randomUUID().toString().substring(0, 6);
    List<List<String>> envelopes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      envelopes.add(
          Workload.rounds(world, run, t, rounds(threads), t).parallelStream()
              .map(s -> s.actor().sign(s.type(), s.payload()))
              .toList());
    }
    return timed(
        "signed/HTTP",
        threads,
        t -> {
          HttpClient http = client();
          return body -> post(http, url + "/api/commands", envelopes.get(t).get(body));
        },
        envelopes.get(0).size(),
        1);
  }

  /** The same mix, signed, sent {@code batchSize} envelopes per {@code /api/commands/batch}. */
  private PhaseResult batchPhase(BenchWorld world, String url, int threads, int batchSize)
      throws Exception {
    String run =
        "B" + batchSize + "-" + threads + "-" + UUID.randomUUID().toString().substring(0, 6);
    int rounds = Math.max(1, rounds(threads) / batchSize) * batchSize;
    List<List<String>> batches = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<String> envelopes =
          Workload.rounds(world, run, t, rounds, 200 + t).parallelStream()
              .map(s -> s.actor().sign(s.type(), s.payload()))
              .toList();
      List<String> bodies = new ArrayList<>();
      for (int from = 0; from + batchSize <= envelopes.size(); from += batchSize) {
        bodies.add(
            "{\"commands\":[" + String.join(",", envelopes.subList(from, from + batchSize)) + "]}");
      }
      batches.add(bodies);
    }
    return timed(
        "batch/" + batchSize,
        threads,
        t -> {
          HttpClient http = client();
          return i -> post(http, url + "/api/commands/batch", batches.get(t).get(i));
        },
        batches.get(0).size(),
        batchSize);
  }

  private PhaseResult unsignedPhase(
      BenchWorld world, CommandGateway gateway, ObjectMapper mapper, int threads) throws Exception {
    String run = "U" + threads + "-" + UUID.randomUUID().toString().substring(0, 6);
    List<List<Workload.Step>> steps = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      steps.add(Workload.rounds(world, run, t, rounds(threads), 100 + t));
    }
    return timed(
        "axon/no-sig",
        threads,
        t ->
            i -> {
              Workload.Step s = steps.get(t).get(i);
              try {
                Object command =
                    mapper.treeToValue(
                        s.payload(), CommandCatalog.find(s.type()).orElseThrow().payloadClass());
                MetaData meta =
                    s.actor()
                        .actor()
                        .toMetaData()
                        .and(LedgerMetaData.COMMAND_ID, UUID.randomUUID().toString())
                        .and(LedgerMetaData.RECORDED_AT, nodeClock.instant().toString())
                        .and(ReceiptInterceptor.BODY_HASH, "unsigned");
                gateway.sendAndWait(new GenericCommandMessage<>(command, meta));
                return true;
              } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                return false;
              }
            },
        steps.get(0).size(),
        1);
  }

  private int rounds(int threads) {
    return Math.max(1, maxRate * phaseSeconds / threads / 8);
  }

  interface Client {
    boolean submit(int index) throws Exception;
  }

  interface ClientFactory {
    Client forThread(int thread) throws Exception;
  }

  private PhaseResult timed(
      String path, int threads, ClientFactory factory, int perThread, int commandsPerCall)
      throws Exception {
    phase = (warmingUp ? "the warm-up's " : "") + path + ", " + threads + " threads";
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long[][] latencies = new long[threads][perThread];
    int[] counts = new int[threads];
    List<Thread> workers = new ArrayList<>();
    phaseCpuStart = processCpuNanos();
    phaseWritesStart = storeWrites();
    phaseRecording = StageProfile.start();
    phaseThreadCpu = ThreadCpu.snapshot();
    // the phase's seconds start now: starting the profile may itself take a second on a busy
    // machine
    long start = System.nanoTime();
    long deadline = start + phaseSeconds * 1_000_000_000L;
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Client client = factory.forThread(t);
      workers.add(
          startThread(
              () -> {
                for (int i = 0; i < perThread && System.nanoTime() < deadline; i++) {
                  long begin = System.nanoTime();
                  boolean ok;
                  try {
                    ok = client.submit(i);
                  } catch (Exception e) {
                    ok = false;
                  }
                  latencies[thread][counts[thread]++] = System.nanoTime() - begin;
                  (ok ? done : failed).addAndGet(commandsPerCall);
                }
              }));
    }
    // progress on stderr (the table goes to stdout): in place on a terminal, a line every 5 s else;
    // shown at once, since a phase may be shorter than the interval, and ended by its total
    java.util.function.Supplier<String> status =
        () ->
            String.format(
                "%s, %d threads: %d/%d s, %,d commands",
                path,
                threads,
                (System.nanoTime() - start) / 1_000_000_000L,
                phaseSeconds,
                done.get());
    try (ProgressLine progress = ProgressLine.onStderr("bench", java.time.Duration.ofSeconds(5))) {
      progress.update(status.get());
      progress.tickEvery(status);
      for (Thread w : workers) {
        w.join();
      }
      progress.done(
          String.format(
              "%s, %d threads: done in %.1f s, %,d commands, %,d failed",
              path, threads, (System.nanoTime() - start) / 1e9, done.get(), failed.get()));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all =
        java.util.stream.IntStream.range(0, threads)
            .mapToObj(t -> java.util.Arrays.copyOf(latencies[t], counts[t]))
            .flatMapToLong(java.util.Arrays::stream)
            .toArray();
    return new PhaseResult(
        path, threads, done.get(), failed.get(), elapsed, all, -1, -1, 0, 0, 0, 0, 0);
  }

  /** CPU time of the whole process: the node, its processors and the benchmark's clients. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Thread startThread(Runnable body) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } finally {
                ThreadCpu.clientThreadEnds();
              }
            },
            "bench-client");
    t.start();
    return t;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private static boolean post(HttpClient http, String endpoint, String envelope) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      System.err.println("refused " + r.statusCode() + ": " + r.body());
      return false;
    }
    return true;
  }

  /** For {@code kp bench ingest}: a fresh temporary data directory. */
  public static Path freshDataDir() throws java.io.IOException {
    return Files.createTempDirectory("kp-bench-ingest");
  }
}
