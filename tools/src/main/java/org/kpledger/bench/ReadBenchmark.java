package org.kpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.lineage.TracedLineageCache;
import org.kpledger.generate.GeneratedLedger;
import org.kpledger.generate.YearGenerator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Query latency over a generated year (issue #3): a node on the year's data directory (generated
 * first, or its generation resumed, unless complete), then signed queries over HTTP — trace back of
 * every shipment, a buying office's holdings as of dates through the year, a buying office's mass
 * balance over the year — and the time to rebuild every projection from the event store. A run may
 * time only some of the rows ({@link Row}) and skip the rebuild, so that a large year already
 * generated is read again in minutes.
 */
public final class ReadBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final YearGenerator.Options generation;
  private final int samples;
  private final List<String> nodeArgs;
  private final Set<Row> rows;
  private final boolean rebuild;
  private final boolean settle;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String url;
  private GeneratedLedger year;

  /**
   * @param generation the year to generate or reuse; its url is ignored (the node is started here)
   * @param samples at least this many timed queries of each kind
   * @param nodeArgs extra node settings ({@code --name=value}), e.g. a PostgreSQL datasource
   */
  public ReadBenchmark(YearGenerator.Options generation, int samples, List<String> nodeArgs) {
    this(generation, samples, nodeArgs, EnumSet.allOf(Row.class), true, true);
  }

  /**
   * @param generation the year to generate or reuse; its url is ignored (the node is started here)
   * @param samples at least this many timed queries of each kind
   * @param nodeArgs extra node settings ({@code --name=value}), e.g. a PostgreSQL datasource
   * @param rows the rows to time (in the table's order whatever the set's)
   * @param rebuild whether to time a rebuild of every projection after the queries
   * @param settle whether to wait, before the queries, until the node's embedded H2 file has
   *     settled ({@link SettledFile}): under 1 MiB written in 3 s
   */
  public ReadBenchmark(
      YearGenerator.Options generation,
      int samples,
      List<String> nodeArgs,
      Set<Row> rows,
      boolean rebuild,
      boolean settle) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no row to time: name at least one of " + Row.names());
    }
    this.generation = generation;
    this.nodeArgs = List.copyOf(nodeArgs);
    this.samples = samples;
    this.rows = EnumSet.copyOf(rows);
    this.rebuild = rebuild;
    this.settle = settle;
  }

  /**
   * The rows of the table, each named by a key for {@code kp bench read --only}, in the order they
   * are timed.
   */
  public enum Row {
    /**
     * The trace judged afresh: the cache of judged lineages emptied before each one, as after a
     * change that alters verdicts but no lineage row (a zone decision, a licence change, a
     * confiscation); the walked rows are kept.
     */
    TRACE_AFRESH("trace-afresh", "trace back of a shipment, judged afresh"),
    /** Walked afresh too: the walked rows emptied as well, as after a clearance or a restart. */
    TRACE_WALKED("trace-walked", "trace back of a shipment, walked afresh"),
    /**
     * Kept: the same trace untimed just before (a first reader's, or the warmer's), since the cache
     * keeps fewer lineages (64) than a year at size 10 has shipments (500).
     */
    TRACE_KEPT("trace-kept", "trace back of a shipment, judged lineage kept"),
    /** The 6th page of each trace. */
    TRACE_PAGE("trace-page", "trace back of a shipment, its 6th page"),
    /** Holdings of each buying office as of 13 dates through the year. */
    HOLDINGS("holdings", "holdings of a buying office as of a date"),
    /** Mass balance of each buying office over the year. */
    BALANCE("balance", "mass balance of a buying office over the year");

    private final String key;
    private final String title;

    Row(String key, String title) {
      this.key = key;
      this.title = title;
    }

    /** The row's name for {@code --only}. */
    public String key() {
      return key;
    }

    /** Every row's key, comma-separated, in the table's order. */
    public static String names() {
      return String.join(",", Arrays.stream(values()).map(Row::key).toList());
    }

    /**
     * The rows that names select: a name selects the row of that key, or every row whose key begins
     * with it and a hyphen ({@code trace}: the four trace rows).
     *
     * @throws IllegalArgumentException for a name that selects no row, naming the rows there are
     */
    public static Set<Row> select(List<String> names) {
      Set<Row> out = EnumSet.noneOf(Row.class);
      for (String raw : names) {
        String name = raw.strip().toLowerCase(java.util.Locale.ROOT);
        Set<Row> matched = EnumSet.noneOf(Row.class);
        for (Row r : values()) {
          if (r.key.equals(name) || r.key.startsWith(name + "-")) {
            matched.add(r);
          }
        }
        if (matched.isEmpty()) {
          throw new IllegalArgumentException(
              "--only: no row is named '"
                  + raw
                  + "'; the rows are "
                  + names()
                  + " (trace: the four trace rows)");
        }
        out.addAll(matched);
      }
      return out;
    }
  }

  /** Runs everything and prints the table; returns false if the generation was interrupted. */
  public boolean run() throws Exception {
    Path dataDir = generation.dataDir();
    ConfigurableApplicationContext node = startNode(generation, nodeArgs);
    try {
      url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      if (!generateUnlessComplete(generation, url)) {
        return false;
      }
      year = GeneratedLedger.open(generation.stateDir(), dataDir.resolve("trust"));
      ProjectionWatch watch = new ProjectionWatch(this::get, year);
      watch.awaitCaughtUp("projections catching up");
      String settled = "not awaited (--no-settle)";
      if (settle) {
        Duration window = Duration.ofSeconds(3);
        settled =
            new SettledFile(node.getBean(DataSource.class), 1 << 20, window)
                .await(Duration.ofSeconds(180))
                .map(w -> w.describe(window) + "; settled: under 1 MiB written in 3 s")
                .orElse("not an embedded H2 file, not awaited");
        System.err.println("[bench] database file: " + settled);
      }
      List<String[]> table = new ArrayList<>();
      TracedLineageCache judged = node.getBean(TracedLineageCache.class);
      for (Row row : rows) {
        table.add(
            switch (row) {
              case TRACE_AFRESH -> timed(row.title, traceTargets(""), t -> judged.clear());
              case TRACE_WALKED -> timed(row.title, traceTargets(""), t -> judged.clearAll());
              case TRACE_KEPT -> timed(row.title, traceTargets(""), t -> require(t, get(t)));
              case TRACE_PAGE -> timed(row.title, traceTargets("?page=5"));
              case HOLDINGS -> timed(row.title, holdingsTargets());
              case BALANCE -> timed(row.title, balanceTargets());
            });
      }
      System.out.println();
      System.out.println(Machine.describe());
      System.out.println("database: " + node.getEnvironment().getProperty("spring.datasource.url"));
      System.out.println("database file before the queries: " + settled);
      System.out.printf(
          "generated year: seed %d, size %s, %s%n",
          generation.seed(), generation.size(), count("/api/projections"));
      System.out.printf(
          "%-48s %7s %8s %8s %8s %8s %10s%n",
          "query (signed GET over HTTP)",
          "samples",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "avg bytes");
      table.forEach(r -> System.out.println(String.join(" ", r)));
      System.out.flush();
      if (rebuild) {
        System.out.println(watch.replayAll(this::post).describe());
      } else {
        System.out.println("projection rebuild: skipped (--skip-rebuild)");
      }
      return true;
    } finally {
      node.close();
    }
  }

  /** A node on the year's data directory, on a free port, logging warnings only. */
  static ConfigurableApplicationContext startNode(
      YearGenerator.Options generation, List<String> nodeArgs) {
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + generation.dataDir());
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.kpledger=WARN");
    args.addAll(nodeArgs);
    return LedgerApplication.start(args.toArray(String[]::new));
  }

  /**
   * Generates the year through the node at {@code url} (or resumes its generation) unless it is
   * complete; false if the generation was interrupted.
   */
  static boolean generateUnlessComplete(YearGenerator.Options generation, String url)
      throws Exception {
    if (GeneratedLedger.complete(generation.stateDir())) {
      System.err.println("[bench] reusing the complete year in " + generation.stateDir());
      return true;
    }
    return new YearGenerator(withUrl(generation, url), System.err).run().complete();
  }

  private String count(String target) {
    JsonNode p = get(target).body();
    long head = p.size() > 0 ? p.get(0).path("head").asLong() + 1 : 0;
    return String.format("event store head %,d (global index + 1)", head);
  }

  private List<String> traceTargets(String query) {
    return year.shipments().stream().map(s -> "/api/trace/back/shipments/" + s + query).toList();
  }

  private List<String> holdingsTargets() {
    List<String> out = new ArrayList<>();
    for (String office : year.offices()) {
      for (int month = 1; month <= 12; month++) {
        out.add(
            "/api/holdings?holder="
                + office
                + "&asOf="
                + year.yearStart().plusMonths(month).minusDays(1));
      }
      out.add("/api/holdings?holder=" + office + "&asOf=" + year.yearEnd());
    }
    return out;
  }

  private List<String> balanceTargets() {
    return year.offices().stream()
        .map(
            o ->
                "/api/balance/parties/" + o + "?from=" + year.yearStart() + "&to=" + year.yearEnd())
        .toList();
  }

  private String[] timed(String name, List<String> targets) {
    return timed(name, targets, t -> {});
  }

  /**
   * One untimed round to warm up, then rounds until {@code samples} timed queries, each after
   * {@code before} of its target (not timed).
   */
  private String[] timed(String name, List<String> targets, Consumer<String> before) {
    targets.forEach(t -> require(t, get(t)));
    int rounds = Math.max(1, (samples + targets.size() - 1) / targets.size());
    long[] nanos = new long[rounds * targets.size()];
    long bytes = 0;
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (String t : targets) {
        before.accept(t);
        long start = System.nanoTime();
        Answer a = get(t);
        nanos[n++] = System.nanoTime() - start;
        require(t, a);
        bytes += a.bytes();
      }
    }
    Arrays.sort(nanos);
    System.err.printf("[bench] %s: %d samples%n", name, n);
    return new String[] {
      String.format("%-48s", name),
      String.format("%7d", n),
      ms(nanos, 0.50),
      ms(nanos, 0.95),
      ms(nanos, 0.99),
      ms(nanos, 1.0),
      String.format("%10d", bytes / n)
    };
  }

  static String ms(long[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return String.format("%8.1f", sorted[Math.max(0, i)] / 1e6);
  }

  private static void require(String target, Answer a) {
    if (a.status() != 200) {
      throw new IllegalStateException(target + " answered " + a.status() + ": " + a.body());
    }
  }

  /** An HTTP answer. */
  record Answer(int status, JsonNode body, long bytes) {}

  Answer get(String target) {
    return send("GET", target, year.monitorHeaders("GET", target));
  }

  Answer post(String target) {
    return send("POST", target, year.auditorHeaders("POST", target));
  }

  private Answer send(String method, String target, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + target))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), JSON.readTree(r.body()), r.body().length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static YearGenerator.Options withUrl(YearGenerator.Options o, String url) {
    return new YearGenerator.Options(
        url,
        o.dataDir(),
        o.stateDir(),
        o.size(),
        o.seed(),
        o.prefix(),
        o.threads(),
        o.batchSize(),
        o.stopAfter(),
        o.progressSeconds());
  }
}
