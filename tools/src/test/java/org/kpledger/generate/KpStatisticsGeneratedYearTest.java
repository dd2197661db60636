package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Over a generated year ({@link TinyYear}), the KP statistics reconcile to the custody events read
 * straight from the event store: exports (count, carats, US$ per partner country and HS code) to
 * the exported shipments' proposals and certificates, certificate counts to the certificates
 * issued, production to the purchase slips; months, quarters and half-years give the same totals,
 * months agree with the monthly export statistics, and the CSV holds exactly the JSON's rows. Every
 * anomaly the generator planted is flagged: mispriced slips, sites declaring in bulk, purchase
 * jumps, and unconfirmed and mismatched certificates in the cross-check.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class KpStatisticsGeneratedYearTest extends ReadTestBase {

  @Test
  void kpStatisticsReconcileToTheCustodyEventsOfAGeneratedYear() {
    TinyYear year = new TinyYear("YS", DATA, port);
    assertThat(year.run(0).complete()).isTrue();
    awaitProjections();
    Country c = year.plan().country;
    YearMonth from = YearMonth.of(c.yearStart.getYear(), 1);
    YearMonth to = YearMonth.of(c.yearEnd.getYear(), 12);
    String range = "&from=" + from + "&to=" + to;

    TradeFormatsAudit audit = audit();
    TradeFormatsAudit.Expected all = audit.tradeReconciles(from, to);
    assertThat(all.shipments).as("exported shipments in the generated year").isGreaterThan(3);
    assertThat(audit.productionReconciles(from, to)).as("purchase slips").isGreaterThan(100);
    anomaliesOf(from, to, c);
    plantedJumpsAndCertificates(audit, year, from, to);
  }

  /**
   * The purchase jumps the generator planted are flagged and its unconfirmed and mismatched
   * certificates are in the cross-check ({@link TradeFormatsAudit}), read from the manifest it
   * wrote; the false jump flags are counted for the README.
   */
  private void plantedJumpsAndCertificates(
      TradeFormatsAudit audit, TinyYear year, YearMonth from, YearMonth to) {
    PlantedAnomalies planted;
    try {
      planted = PlantedAnomalies.read(year.stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(planted).isEqualTo(year.plan().planted());
    TradeFormatsAudit.Jumps jumps =
        audit.purchaseJumpsFlagThePlanted(planted, year.prefix, from.atDay(1), to.atEndOfMonth());
    System.out.printf(
        "generated year: planted jumps %s flagged; false PURCHASE_JUMP flags %d of %d"
            + " miner-quarters with purchases %s%n",
        jumps.planted(), jumps.falseFlags().size(), jumps.minerQuarters(), jumps.falseFlags());
    TradeFormatsAudit.CrossChecked certificates =
        audit.crossCheckListsThePlanted(planted, year.prefix);
    System.out.printf(
        "generated year: cross-check lists the planted unconfirmed %s and mismatched %s"
            + " certificates; others listed %s%n",
        certificates.unconfirmed(), certificates.mismatched(), certificates.others());
  }

  /**
   * The anomaly list over the same year: every flag explained, every site the generator planted
   * ({@link Country#declaresInBulk}) flagged {@code SITE_OVER_PRODUCTION}; the counts and the false
   * flags on the rest go to the README.
   */
  private void anomaliesOf(YearMonth from, YearMonth to, Country c) {
    JsonNode a =
        read("auditor-1", "/api/anomalies?from=" + from.atDay(1) + "&to=" + to.atEndOfMonth());
    assertThat(a.path("thresholds").path("outlierZ").asDouble()).isEqualTo(3.5);
    Map<String, Integer> kinds = new TreeMap<>();
    for (JsonNode f : a.path("flags")) {
      assertThat(f.path("explanation").asText()).isNotBlank();
      assertThat(f.path("subject").asText()).isNotBlank();
      kinds.merge(f.path("kind").asText(), 1, Integer::sum);
    }
    long slips =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM lineage_origin WHERE slip_number IS NOT NULL", Long.class);
    System.out.println("generated year: " + slips + " purchase slips, anomaly flags " + kinds);
    siteOverProductionFlagsThePlantedSites(a, c);
    valuePerCaratOutliersFlagThePlantedSlips(a, c);
    String range = "&from=" + from + "&to=" + to;
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      assertThat(
              read("auditor-1", "/api/statistics/kp/production?period=" + period + range)
                  .path("total")
                  .path("anomalyFlags")
                  .asLong())
          .as("flagged purchases in the production statistics per " + period)
          .isEqualTo((long) kinds.getOrDefault("VALUE_PER_CARAT_OUTLIER", 0));
      JsonNode siteFlags =
          read("auditor-1", "/api/statistics/kp/production?period=" + period + range)
              .path("total")
              .path("siteOverProductionFlags");
      if (period.equals("MONTH")) {
        assertThat(siteFlags.isNull()).as("site flags judge quarters, not months").isTrue();
      } else {
        assertThat(siteFlags.asLong())
            .as("flagged site-quarters in the production statistics per " + period)
            .isEqualTo((long) kinds.getOrDefault("SITE_OVER_PRODUCTION", 0));
      }
      assertThat(
              read("auditor-1", "/api/statistics/kp/trade?period=" + period + range)
                  .path("total")
                  .path("unconfirmedCertificates")
                  .asLong())
          .as("unconfirmed certificates in the trade statistics per " + period)
          .isEqualTo((long) kinds.getOrDefault("CERTIFICATE_UNCONFIRMED", 0));
    }
    assertThat(get("alpha-buyer", "/api/anomalies").status()).isEqualTo(403);
    problem(
        get("auditor-1", "/api/anomalies?from=2020-01-01&to=2019-01-01"),
        400,
        "INVALID_PERIOD",
        "to");
  }

  private void siteOverProductionFlagsThePlantedSites(JsonNode anomalies, Country c) {
    Set<String> planted = new TreeSet<>();
    for (int s = 0; s < c.scale.sites(); s++) {
      if (c.declaresInBulk(s)) {
        planted.add(c.site(s));
      }
    }
    assertThat(planted).as("sites the generator planted").isNotEmpty();
    Set<String> flagged = new TreeSet<>();
    Set<String> falseFlags = new TreeSet<>();
    for (JsonNode f : anomalies.path("flags")) {
      // the flags of this year only: another test's year may share the node
      if (f.path("kind").asText().equals("SITE_OVER_PRODUCTION")
          && f.path("subject").asText().startsWith(c.prefix + "-")) {
        flagged.add(f.path("subject").asText());
        assertThat(f.path("explanation").asText()).contains("production recorded there");
        if (!planted.contains(f.path("subject").asText())) {
          falseFlags.add(f.path("subject").asText() + " " + f.path("period").asText());
        }
      }
    }
    assertThat(flagged).as("every planted site flagged").containsAll(planted);
    Set<String> siteQuarters = new TreeSet<>();
    jdbc.query(
        "SELECT site_id, occurred_at FROM lineage_origin WHERE slip_number IS NOT NULL",
        rs -> {
          String site = rs.getString(1);
          if (site.startsWith(c.prefix + "-") && !planted.contains(site)) {
            LocalDate day = LedgerCalendar.dateOf(Columns.instant(rs.getObject(2)));
            siteQuarters.add(site + " " + day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3));
          }
        });
    System.out.printf(
        "generated year: planted sites %s flagged; false SITE_OVER_PRODUCTION flags %d of %d"
            + " site-quarters with purchases at the other sites %s%n",
        planted, falseFlags.size(), siteQuarters.size(), falseFlags);
    assertThat(siteQuarters).as("site-quarters judged").isNotEmpty();
    assertThat((double) falseFlags.size() / siteQuarters.size())
        .as("false SITE_OVER_PRODUCTION flags " + falseFlags)
        .isLessThan(0.05);
  }

  private void valuePerCaratOutliersFlagThePlantedSlips(JsonNode anomalies, Country c) {
    Set<String> planted = new TreeSet<>();
    for (int i = 0; i < c.scale.slips(); i++) {
      if (PurchaseBook.mispriced(i)) {
        planted.add(c.lot(i));
      }
    }
    assertThat(planted).as("slips the generator mispriced").isNotEmpty();
    Set<String> flagged = new TreeSet<>();
    Set<String> falseFlags = new TreeSet<>();
    for (JsonNode f : anomalies.path("flags")) {
      // the flags of this year only: another test's year may share the node
      if (f.path("kind").asText().equals("VALUE_PER_CARAT_OUTLIER")
          && f.path("subject").asText().startsWith(c.prefix + "-")) {
        flagged.add(f.path("subject").asText());
        if (!planted.contains(f.path("subject").asText())) {
          falseFlags.add(f.path("subject").asText());
        }
      }
    }
    assertThat(flagged).as("every mispriced slip flagged").containsAll(planted);
    int rest = c.scale.slips() - planted.size();
    System.out.printf(
        "generated year: mispriced slips %s flagged; false VALUE_PER_CARAT_OUTLIER flags %d of %d"
            + " other slips%n",
        planted, falseFlags.size(), rest);
    assertThat((double) falseFlags.size() / rest)
        .as("false VALUE_PER_CARAT_OUTLIER flags " + falseFlags)
        .isLessThan(0.02);
  }

  @Test
  void refusesPeriodsTheKpDoesNotCollect() {
    problem(
        get("auditor-1", "/api/statistics/kp/trade?period=WEEK"),
        400,
        "INVALID_PARAMETER",
        "period");
    problem(
        get("auditor-1", "/api/statistics/kp/trade?from=2019-02&to=2019-12"),
        400,
        "PERIOD_NOT_ALIGNED",
        "from");
    problem(
        get("auditor-1", "/api/statistics/kp/production?from=2019-01&to=2019-03"),
        400,
        "PERIOD_NOT_ALIGNED",
        "to");
    problem(
        get("auditor-1", "/api/statistics/kp/trade?from=2019-01&to=2018-12"),
        400,
        "INVALID_PERIOD",
        "to");
  }

  private TradeFormatsAudit audit() {
    return new TradeFormatsAudit(
        new TradeFormatsAudit.Reader() {
          @Override
          public JsonNode json(String target) {
            return read("auditor-1", target);
          }

          @Override
          public String csv(String target) {
            return KpStatisticsGeneratedYearTest.this.csv(target);
          }
        },
        jdbc);
  }

  private String csv(String target) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
            .header("Accept", "text/csv");
    signed("GET", target, "auditor-1", Instant.now()).forEach(b::header);
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
