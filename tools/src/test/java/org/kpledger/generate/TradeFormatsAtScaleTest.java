package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #19's done-when items 1, 3 and 5 on a generated year of size 1 (the Central African
 * Republic's order of magnitude: 100,000 purchase slips, 50 shipments), seed 1, in every CI run
 * ({@code bin/test}, on the embedded H2 default only: the tools' PostgreSQL execution leaves it
 * out). A node on a fresh data directory; the year generated there; every EPCIS document of the
 * range export (10,000 events a page) and of each shipment's lineage validated against GS1's
 * schema, the range holding each custody event once at its leaf; the KP statistics reconciled to
 * the event store (JSON and CSV) with their flag counts equal to the anomaly list's; the anomaly
 * list with every planted anomaly flagged (sites that declare their year in bulk, mispriced slips,
 * purchase jumps) and the false flags on the rest counted and bounded; the certificate cross-check
 * listing every planted unconfirmed and mismatched certificate (the manifest {@code
 * <dir>/generator/planted.json}). Prints each step's wall time and the process's CPU time (node,
 * generator and checks share the JVM), the figures the README quotes.
 *
 * <p>By hand, on a data directory kept between runs (generated first unless its generator state
 * says complete), another size or seed:
 *
 * <pre>
 * mvn -B -q -o -pl ledger,api,tools test -Dtest=TradeFormatsAtScaleTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dkp.trade.data-dir=/tmp/trade-1] \
 *     [-Dkp.trade.size=1] [-Dkp.trade.seed=1] [-Dkp.trade.threads=4] [-Dkp.trade.batch=100]
 * </pre>
 */
class TradeFormatsAtScaleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final OperatingSystemMXBean os =
      ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
  private String url;
  private GeneratedLedger year;
  private long stepStarted;
  private long stepCpuStarted;

  @Test
  void everyExportOfAGeneratedYearValidatesReconcilesAndFlagsThePlantedAnomalies()
      throws Exception {
    String kept = System.getProperty("kp.trade.data-dir", "");
    Path dataDir =
        kept.isBlank()
            ? Files.createTempDirectory("kp-trade-year")
            : Path.of(kept).toAbsolutePath();
    try {
      check(dataDir);
    } finally {
      if (kept.isBlank()) {
        deleteTree(dataDir);
      }
    }
  }

  private void check(Path dataDir) throws Exception {
    double size = Double.parseDouble(System.getProperty("kp.trade.size", "1"));
    long seed = Long.parseLong(System.getProperty("kp.trade.seed", "1"));
    int threads = Integer.parseInt(System.getProperty("kp.trade.threads", "4"));
    int batch = Integer.parseInt(System.getProperty("kp.trade.batch", "100"));
    String prefix = YearGenerator.defaultPrefix(seed);
    Path stateDir = dataDir.resolve("generator");
    long checkStarted = System.nanoTime();
    long checkCpuStarted = os.getProcessCpuTime();
    startStep();
    ConfigurableApplicationContext node =
        LedgerApplication.start(
            "--kp.data-dir=" + dataDir,
            "--server.port=0",
            "--logging.level.root=WARN",
            "--logging.level.org.kpledger=WARN");
    ExecutorService validators =
        Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    try {
      System.out.printf(
          "[trade] size %s, seed %d, data directory %s: node started in %s%n",
          size, seed, dataDir, step());
      url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      if (!GeneratedLedger.complete(stateDir)) {
        YearGenerator.Result r =
            new YearGenerator(
                    new YearGenerator.Options(
                        url, dataDir, stateDir, size, seed, prefix, threads, batch, 0, 30),
                    System.err)
                .run();
        assertThat(r.complete()).isTrue();
        System.out.printf(
            "[trade] generated: %,d commands (%d refused as planned; %d client threads, batches"
                + " of up to %d) in %s%n",
            r.planned(), r.plannedRefusals(), threads, batch, step());
      }
      year = GeneratedLedger.open(stateDir, dataDir.resolve("trust"));
      JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
      awaitCaughtUp(jdbc);
      System.out.printf("[trade] projections and log caught up in %s%n", step());
      TradeFormatsAudit audit = new TradeFormatsAudit(reader(), jdbc);

      Map<String, Long> leaves = audit.leaves();
      AtomicLong pages = new AtomicLong();
      List<String> exported =
          audit.epcisRange(leaves, 10_000, validators, page -> pages.incrementAndGet());
      Set<String> custody = audit.custodyEvents();
      assertThat(exported).doesNotHaveDuplicates();
      assertThat(new HashSet<>(exported)).isEqualTo(custody);
      System.out.printf(
          "[trade] EPCIS range export: %,d events in %d documents, each valid, each custody event"
              + " of the store once at its leaf, in %s%n",
          exported.size(), pages.get(), step());
      Map<String, String> positions = audit.positions();
      List<String> shipments = year.shipments();
      long lineageEvents = audit.epcisLineages(shipments, leaves, positions, validators);
      System.out.printf(
          "[trade] EPCIS lineage exports: %d shipments, %,d events, each valid and one per signed"
              + " event of the dossier, in %s%n",
          shipments.size(), lineageEvents, step());

      YearMonth from = YearMonth.of(year.yearStart().getYear(), 1);
      YearMonth to = YearMonth.of(year.yearEnd().getYear(), 12);
      TradeFormatsAudit.Expected trade = audit.tradeReconciles(from, to);
      long slips = audit.productionReconciles(from, to);
      System.out.printf(
          "[trade] KP statistics %s to %s reconciled (month, quarter, half-year; JSON and CSV):"
              + " exports %s; %,d purchase slips, in %s%n",
          from, to, trade, slips, step());

      Country country =
          new YearPlan(seed, size, prefix, year.yearEnd(), Identities.named(prefix)).country;
      anomalies(jdbc, country, from, to);
      plantedJumpsAndCertificates(audit, PlantedAnomalies.read(stateDir), prefix, from, to);
      System.out.printf(
          "[trade] anomalies and cross-check in %s%n[trade] the whole check: %.1f s, %.1f s of"
              + " the process's CPU (%d processors)%n",
          step(),
          (System.nanoTime() - checkStarted) / 1e9,
          (os.getProcessCpuTime() - checkCpuStarted) / 1e9,
          Runtime.getRuntime().availableProcessors());
    } finally {
      validators.shutdownNow();
      node.close();
    }
  }

  private void anomalies(JdbcTemplate jdbc, Country c, YearMonth from, YearMonth to) {
    long started = System.nanoTime();
    JsonNode a = get("/api/anomalies?from=" + from.atDay(1) + "&to=" + to.atEndOfMonth());
    assertThat(a.path("thresholds").path("outlierZ").asDouble()).isEqualTo(3.5);
    Map<String, Integer> kinds = new TreeMap<>();
    Set<String> planted = new TreeSet<>();
    for (int s = 0; s < c.scale.sites(); s++) {
      if (c.declaresInBulk(s)) {
        planted.add(c.site(s));
      }
    }
    Set<String> flaggedSites = new TreeSet<>();
    long falseSiteFlags = 0;
    for (JsonNode f : a.path("flags")) {
      assertThat(f.path("explanation").asText()).as("explanation of " + f).isNotBlank();
      assertThat(f.path("subject").asText()).as("subject of " + f).isNotBlank();
      kinds.merge(f.path("kind").asText(), 1, Integer::sum);
      if (f.path("kind").asText().equals("SITE_OVER_PRODUCTION")) {
        assertThat(f.path("explanation").asText()).contains("production recorded there");
        flaggedSites.add(f.path("subject").asText());
        falseSiteFlags += planted.contains(f.path("subject").asText()) ? 0 : 1;
      }
    }
    Set<String> siteQuarters = new TreeSet<>();
    Set<String> minerQuarters = new TreeSet<>();
    AtomicLong slips = new AtomicLong();
    jdbc.query(
        "SELECT site_id, miner_id, occurred_at FROM lineage_origin WHERE slip_number IS NOT NULL",
        rs -> {
          LocalDate day = LedgerCalendar.dateOf(Columns.instant(rs.getObject(3)));
          String quarter = day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3);
          slips.incrementAndGet();
          minerQuarters.add(rs.getString(2) + " " + quarter);
          if (!planted.contains(rs.getString(1))) {
            siteQuarters.add(rs.getString(1) + " " + quarter);
          }
        });
    System.out.printf(
        "[trade] anomalies %s to %s in %s: %s; planted sites %s, flagged %s; false"
            + " SITE_OVER_PRODUCTION flags %d of %,d site-quarters with purchases at the other"
            + " sites; VALUE_PER_CARAT_OUTLIER %d of %,d slips; PURCHASE_JUMP %d of %,d"
            + " miner-quarters (planted ones included)%n",
        from,
        to,
        since(started),
        kinds,
        planted,
        flaggedSites,
        falseSiteFlags,
        siteQuarters.size(),
        kinds.getOrDefault("VALUE_PER_CARAT_OUTLIER", 0),
        slips.get(),
        kinds.getOrDefault("PURCHASE_JUMP", 0),
        minerQuarters.size());
    assertThat(flaggedSites).as("every planted site flagged").containsAll(planted);
    Set<String> mispriced = new TreeSet<>();
    for (int i = 0; i < c.scale.slips(); i++) {
      if (PurchaseBook.mispriced(i)) {
        mispriced.add(c.lot(i));
      }
    }
    Set<String> flaggedLots = new TreeSet<>();
    for (JsonNode f : a.path("flags")) {
      if (f.path("kind").asText().equals("VALUE_PER_CARAT_OUTLIER")) {
        flaggedLots.add(f.path("subject").asText());
      }
    }
    long falseLots = flaggedLots.stream().filter(l -> !mispriced.contains(l)).count();
    System.out.printf(
        "[trade] mispriced slips: %d planted, all flagged: %s; false VALUE_PER_CARAT_OUTLIER flags"
            + " %d of %,d other slips%n",
        mispriced.size(),
        flaggedLots.containsAll(mispriced),
        falseLots,
        slips.get() - mispriced.size());
    assertThat(flaggedLots).as("every mispriced slip flagged").containsAll(mispriced);
    assertThat((double) falseLots / (slips.get() - mispriced.size()))
        .as("false VALUE_PER_CARAT_OUTLIER flags")
        .isLessThan(0.02);
    assertThat((double) falseSiteFlags / siteQuarters.size())
        .as("false SITE_OVER_PRODUCTION flags")
        .isLessThan(0.05);
    flagCountsInTheStatistics(kinds, from, to);
  }

  /**
   * The KP statistics count the flags the anomaly list holds for the same months: flagged slips in
   * production, flagged site-quarters in production per quarter and half-year (months have none:
   * site flags judge quarters), unconfirmed certificates in trade.
   */
  private void flagCountsInTheStatistics(Map<String, Integer> kinds, YearMonth from, YearMonth to) {
    String range = "&from=" + from + "&to=" + to;
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      JsonNode production =
          get("/api/statistics/kp/production?period=" + period + range).path("total");
      assertThat(production.path("anomalyFlags").asLong())
          .as("flagged purchases in the production statistics per " + period)
          .isEqualTo((long) kinds.getOrDefault("VALUE_PER_CARAT_OUTLIER", 0));
      JsonNode siteFlags = production.path("siteOverProductionFlags");
      if (period.equals("MONTH")) {
        assertThat(siteFlags.isNull()).as("site flags judge quarters, not months").isTrue();
      } else {
        assertThat(siteFlags.asLong())
            .as("flagged site-quarters in the production statistics per " + period)
            .isEqualTo((long) kinds.getOrDefault("SITE_OVER_PRODUCTION", 0));
      }
      assertThat(
              get("/api/statistics/kp/trade?period=" + period + range)
                  .path("total")
                  .path("unconfirmedCertificates")
                  .asLong())
          .as("unconfirmed certificates in the trade statistics per " + period)
          .isEqualTo((long) kinds.getOrDefault("CERTIFICATE_UNCONFIRMED", 0));
    }
  }

  private static void plantedJumpsAndCertificates(
      TradeFormatsAudit audit,
      PlantedAnomalies planted,
      String prefix,
      YearMonth from,
      YearMonth to) {
    long started = System.nanoTime();
    TradeFormatsAudit.Jumps jumps =
        audit.purchaseJumpsFlagThePlanted(planted, prefix, from.atDay(1), to.atEndOfMonth());
    System.out.printf(
        "[trade] purchase jumps: %d planted, all flagged %s; false PURCHASE_JUMP flags %d of %,d"
            + " miner-quarters with purchases (%.1f %%)%n",
        jumps.planted().size(),
        jumps.planted(),
        jumps.falseFlags().size(),
        jumps.minerQuarters(),
        100.0 * jumps.falseFlags().size() / Math.max(1, jumps.minerQuarters()));
    TradeFormatsAudit.CrossChecked certificates = audit.crossCheckListsThePlanted(planted, prefix);
    System.out.printf(
        "[trade] certificate cross-check (afterDays=0): the %d planted unconfirmed %s and %d"
            + " mismatched %s listed, %d other certificates listed, in %s%n",
        certificates.unconfirmed().size(),
        certificates.unconfirmed(),
        certificates.mismatched().size(),
        certificates.mismatched(),
        certificates.others().size(),
        since(started));
  }

  /** Waits until every projection has caught up and every event has its leaf (30 minutes). */
  private void awaitCaughtUp(JdbcTemplate jdbc) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = get("/api/projections");
      boolean done = last.size() > 0;
      for (JsonNode p : last) {
        done &=
            p.path("running").asBoolean()
                && !p.path("replaying").asBoolean()
                && p.path("lag").asLong() == 0;
      }
      long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
      long leaves = jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf", Long.class);
      if (done && events == leaves) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not caught up in 30 minutes: " + last);
  }

  private TradeFormatsAudit.Reader reader() {
    return new TradeFormatsAudit.Reader() {
      @Override
      public JsonNode json(String target) {
        return get(target);
      }

      @Override
      public String csv(String target) {
        HttpResponse<String> r = send(target, "text/csv", HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return r.body();
      }
    };
  }

  private JsonNode get(String target) {
    try {
      return JSON.readTree(
          send(target, "application/json", HttpResponse.BodyHandlers.ofByteArray()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> HttpResponse<T> send(
      String target, String accept, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + target)).header("Accept", accept);
    year.monitorHeaders("GET", target).forEach(b::header);
    try {
      HttpResponse<T> r = http.send(b.build(), handler);
      assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(200);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void startStep() {
    stepStarted = System.nanoTime();
    stepCpuStarted = os.getProcessCpuTime();
  }

  /** The wall and process CPU time since the last step ended, and starts the next step. */
  private String step() {
    String s =
        String.format(
            "%.1f s (%.1f s of CPU)",
            (System.nanoTime() - stepStarted) / 1e9,
            (os.getProcessCpuTime() - stepCpuStarted) / 1e9);
    startStep();
    return s;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String since(long startNanos) {
    return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
