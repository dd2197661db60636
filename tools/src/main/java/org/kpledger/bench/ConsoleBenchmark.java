package org.kpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.api.lineage.TracedLineageCache;
import org.kpledger.bench.ConsolePages.Page;
import org.kpledger.bench.ConsolePages.Request;
import org.kpledger.bench.ConsolePages.Step;
import org.kpledger.generate.GeneratedLedger;
import org.kpledger.generate.YearGenerator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console's pages as their server side answers them (issue #16): over a generated year (the
 * read benchmark's, generated or reused), each page of {@link ConsolePages} opened {@code samples}
 * times with ids drawn from the year (shipments, buying offices, zones, days, log events,
 * certificates), its requests replayed as the page sends them — signed as the page's reader, step
 * after step, a step's requests at once — and the page's server time (the sum over its steps of the
 * slowest request of each, from the first byte sent to the last byte of the answer received) given
 * as p50/p95/p99, with each request's own figures.
 */
public final class ConsoleBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final YearGenerator.Options generation;
  private final int samples;
  private final List<String> nodeArgs;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, List<Long>> byRequest = new LinkedHashMap<>();
  private final Map<String, Long> bytesByRequest = new LinkedHashMap<>();
  private String url;
  private GeneratedLedger year;

  /**
   * @param generation the year to generate or reuse; its url is ignored (the node is started here)
   * @param samples the timed openings of each page
   * @param nodeArgs extra node settings ({@code --name=value}), e.g. a PostgreSQL datasource
   */
  public ConsoleBenchmark(YearGenerator.Options generation, int samples, List<String> nodeArgs) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, not " + samples);
    }
    this.generation = generation;
    this.samples = samples;
    this.nodeArgs = List.copyOf(nodeArgs);
  }

  /** Runs every page and prints the tables; returns false if the generation was interrupted. */
  public boolean run() throws Exception {
    ConfigurableApplicationContext node = ReadBenchmark.startNode(generation, nodeArgs);
    try {
      url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      if (!ReadBenchmark.generateUnlessComplete(generation, url)) {
        return false;
      }
      year = GeneratedLedger.open(generation.stateDir(), generation.dataDir().resolve("trust"));
      new ProjectionWatch(t -> json(send(ConsolePages.Reader.MONITOR, t, false, null)), year)
          .awaitCaughtUp("projections catching up");
      World world = world(node.getBean(JdbcLeafIndex.class));
      TracedLineageCache judged = node.getBean(TracedLineageCache.class);
      List<String[]> rows = new ArrayList<>();
      for (Page page : ConsolePages.PAGES) {
        if (page.steps().isEmpty()) {
          rows.add(row(page.function(), page.route(), 0, null, 0));
          continue;
        }
        rows.add(timed(page, page.function(), world, () -> {}));
        if (page.function().equals("shipmentPage")) {
          // as after any change that could alter a verdict (a zone decision, a licence change...)
          rows.add(timed(page, "shipmentPage, judged afresh", world, judged::clear));
        }
      }
      System.out.println();
      System.out.println(Machine.describe());
      System.out.println("database: " + node.getEnvironment().getProperty("spring.datasource.url"));
      System.out.printf(
          "generated year: seed %d, size %s; %d shipments, %d buying offices, %d zones, %d"
              + " certificates, %d log events drawn from%n",
          generation.seed(),
          generation.size(),
          world.shipments.size(),
          world.offices.size(),
          world.zones.size(),
          world.certificates.size(),
          world.events.size());
      System.out.printf(
          "%-30s %-28s %5s %7s %8s %8s %8s %8s %10s%n",
          "page (server time, all steps)",
          "route",
          "reqs",
          "samples",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "avg bytes");
      rows.forEach(r -> System.out.println(String.join(" ", r)));
      System.out.println();
      System.out.printf(
          "%-60s %7s %8s %8s %8s %10s%n",
          "request (each alone)", "samples", "p50 ms", "p95 ms", "p99 ms", "avg bytes");
      byRequest.forEach(
          (k, v) -> {
            long[] sorted = v.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                "%-60s %7d %s %s %s %10d%n",
                k,
                sorted.length,
                ReadBenchmark.ms(sorted, 0.50),
                ReadBenchmark.ms(sorted, 0.95),
                ReadBenchmark.ms(sorted, 0.99),
                bytesByRequest.getOrDefault(k, 0L) / Math.max(1, sorted.length));
          });
      System.out.flush();
      return true;
    } finally {
      node.close();
    }
  }

  /** The ids samples draw from, each list in the year's order. */
  private record World(
      List<String> shipments,
      List<String> offices,
      List<String> zones,
      List<String> days,
      List<String> events,
      List<String> certificates) {
    String id(String kind, int sample) {
      if (kind.equals("month")) {
        // the first day of the sample's day's month, as the custody page's mass balance asks
        return id("day", sample).substring(0, 8) + "01";
      }
      List<String> from =
          switch (kind) {
            case "shipment" -> shipments;
            case "office" -> offices;
            case "zone" -> zones;
            case "day" -> days;
            case "event" -> events;
            case "certificate" -> certificates;
            default -> throw new IllegalArgumentException("no such id in a sample: " + kind);
          };
      if (from.isEmpty()) {
        throw new IllegalStateException("the generated year has no " + kind + " to draw");
      }
      return from.get(sample % from.size());
    }
  }

  private World world(JdbcLeafIndex leaves) {
    List<String> days = new ArrayList<>();
    for (int month = 1; month <= 12; month++) {
      days.add(year.yearStart().plusMonths(month).minusDays(1).toString());
    }
    days.add(year.yearEnd().toString());
    LinkedHashSet<String> zones = new LinkedHashSet<>();
    JsonNode sites =
        json(send(ConsolePages.Reader.MONITOR, "/api/sites?size=500", false, null)).body();
    sites.path("items").forEach(s -> zones.add(s.path("zoneId").asText()));
    // events spread evenly over the log, as an auditor checks any of them
    long size = leaves.size();
    List<String> events = new ArrayList<>();
    int wanted = (int) Math.min(size, Math.max(samples, 1));
    for (int i = 0; i < wanted; i++) {
      leaves.list(i * size / wanted, 1).forEach(l -> events.add(l.eventId()));
    }
    List<String> certificates = new ArrayList<>();
    for (String c : year.certificateNumbers()) {
      if (send(ConsolePages.Reader.PUBLIC, "/api/public/certificates/" + c, false, null)
              .statusCode()
          == 200) {
        certificates.add(c);
      }
    }
    return new World(
        year.shipments(), year.offices(), List.copyOf(zones), days, events, certificates);
  }

  /**
   * Opens {@code page} for untimed warm-up samples (up to 10, for the JIT), then for {@code
   * samples} timed ones, each after {@code before} (not timed).
   */
  private String[] timed(Page page, String name, World world, Runnable before) {
    int warmup = Math.min(samples, 10);
    for (int i = 0; i < warmup; i++) {
      before.run();
      open(page, world, i, false);
    }
    long[] nanos = new long[samples];
    long bytes = 0;
    for (int i = 0; i < samples; i++) {
      before.run();
      long[] total = open(page, world, i, !name.contains("afresh"));
      nanos[i] = total[0];
      bytes += total[1];
    }
    Arrays.sort(nanos);
    System.err.printf("[bench] %s: %d samples%n", name, samples);
    int requests = page.steps().stream().mapToInt(s -> s.requests().size()).sum();
    return row(name, page.route(), requests, nanos, bytes / samples);
  }

  private static String[] row(String name, String route, int requests, long[] sorted, long bytes) {
    if (sorted == null) {
      return new String[] {
        String.format("%-30s", name), String.format("%-28s", route), "    0 (asks the node nothing)"
      };
    }
    return new String[] {
      String.format("%-30s", name),
      String.format("%-28s", route),
      String.format("%5d", requests),
      String.format("%7d", sorted.length),
      ReadBenchmark.ms(sorted, 0.50),
      ReadBenchmark.ms(sorted, 0.95),
      ReadBenchmark.ms(sorted, 0.99),
      ReadBenchmark.ms(sorted, 1.0),
      String.format("%10d", bytes)
    };
  }

  /**
   * One opening of the page: its steps in order, a step's requests sent at once. Returns the page's
   * server time (nanoseconds) and the bytes of its answers; {@code record} keeps each request's own
   * time.
   */
  private long[] open(Page page, World world, int sample, boolean record) {
    long total = 0;
    long bytes = 0;
    for (Step step : page.steps()) {
      List<HttpRequest> built = new ArrayList<>();
      for (Request r : step.requests()) {
        String target = r.resolve(kind -> world.id(kind, sample));
        built.add(request(r.reader(), target, r.text(), world.id("office", sample)));
      }
      long start = System.nanoTime();
      List<CompletableFuture<long[]>> answers = new ArrayList<>();
      for (HttpRequest b : built) {
        answers.add(
            http.sendAsync(b, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(
                    a -> {
                      long took = System.nanoTime() - start;
                      require(b, a);
                      return new long[] {took, a.body().length};
                    }));
      }
      long slowest = 0;
      for (int i = 0; i < answers.size(); i++) {
        long[] a = answers.get(i).join();
        slowest = Math.max(slowest, a[0]);
        bytes += a[1];
        if (record) {
          Request r = step.requests().get(i);
          byRequest
              .computeIfAbsent(page.function() + " " + r.target(), k -> new ArrayList<>())
              .add(a[0]);
          bytesByRequest.merge(page.function() + " " + r.target(), a[1], Long::sum);
        }
      }
      total += slowest;
    }
    return new long[] {total, bytes};
  }

  private static void require(HttpRequest request, HttpResponse<byte[]> answer) {
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          request.uri()
              + " answered "
              + answer.statusCode()
              + ": "
              + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private HttpRequest request(
      ConsolePages.Reader reader, String target, boolean text, String office) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + target))
            .GET()
            .header("Accept", text ? "*/*" : "application/json");
    Map<String, String> headers =
        switch (reader) {
          case MONITOR -> year.monitorHeaders("GET", target);
          case AUDITOR -> year.auditorHeaders("GET", target);
          case OFFICE_BUYER -> year.buyerHeaders(office, "GET", target);
          case PUBLIC -> Map.of();
        };
    headers.forEach(b::header);
    return b.build();
  }

  private HttpResponse<byte[]> send(
      ConsolePages.Reader reader, String target, boolean text, String office) {
    try {
      return http.send(
          request(reader, target, text, office), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ReadBenchmark.Answer json(HttpResponse<byte[]> a) {
    try {
      return new ReadBenchmark.Answer(a.statusCode(), JSON.readTree(a.body()), a.body().length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
