package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Over a generated year ({@link TinyYear}), the KP statistics reconcile to the custody events read
 * straight from the event store: exports (count, carats, US$ per partner country and HS code) to
 * the exported shipments' proposals and certificates, certificate counts to the certificates
 * issued, production to the purchase slips; months, quarters and half-years give the same totals,
 * months agree with the monthly export statistics, and the CSV holds exactly the JSON's rows.
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

    Map<String, Expected> byKey = expectedTrade(from, to);
    Expected all = new Expected();
    byKey.values().forEach(all::add);
    assertThat(all.shipments).as("exported shipments in the generated year").isGreaterThan(3);

    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      JsonNode trade = read("auditor-1", "/api/statistics/kp/trade?period=" + period + range);
      Map<String, Expected> got = new TreeMap<>();
      for (JsonNode r : trade.path("rows")) {
        Expected e = got.computeIfAbsent(key(r), k -> new Expected());
        e.shipments += r.path("shipmentsExported").asLong();
        e.carats = e.carats.add(r.path("caratsExported").decimalValue());
        e.value = e.value.add(r.path("valueExportedUsd").decimalValue());
        e.certificates += r.path("certificatesIssued").asLong();
      }
      assertThat(got).as(period + " per partner country and HS code").isEqualTo(byKey);
      JsonNode total = trade.path("total");
      assertThat(total.path("shipmentsExported").asLong()).isEqualTo(all.shipments);
      assertThat(total.path("caratsExported").decimalValue()).isEqualByComparingTo(all.carats);
      assertThat(total.path("valueExportedUsd").decimalValue()).isEqualByComparingTo(all.value);
      assertThat(total.path("certificatesIssued").asLong()).isEqualTo(all.certificates);
      assertCsvHoldsTheJsonRows("/api/statistics/kp/trade?period=" + period + range, trade);
    }
    JsonNode monthly = read("auditor-1", "/api/statistics/exports?size=500" + range);
    assertThat(monthly.path("total").path("shipments").asLong()).isEqualTo(all.shipments);
    assertThat(monthly.path("total").path("carats").decimalValue())
        .isEqualByComparingTo(all.carats);
    assertThat(monthly.path("total").path("valueUsd").decimalValue())
        .isEqualByComparingTo(all.value);
    assertThat(monthly.path("total").path("certificatesIssued").asLong())
        .isEqualTo(all.certificates);

    long slips = 0;
    BigDecimal slipCarats = BigDecimal.ZERO;
    for (JsonNode p : payloads("LotPurchasedEvent")) {
      LocalDate day = LedgerCalendar.dateOf(Instant.parse(p.path("occurredAt").asText()));
      if (!YearMonth.from(day).isBefore(from) && !YearMonth.from(day).isAfter(to)) {
        slips++;
        slipCarats = slipCarats.add(p.path("carats").decimalValue());
      }
    }
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      JsonNode production =
          read("auditor-1", "/api/statistics/kp/production?period=" + period + range);
      assertThat(production.path("total").path("purchases").asLong()).isEqualTo(slips);
      assertThat(production.path("total").path("carats").decimalValue())
          .isEqualByComparingTo(slipCarats);
      assertCsvHoldsTheJsonRows(
          "/api/statistics/kp/production?period=" + period + range, production);
    }
    anomaliesOf(from, to);
  }

  /** The anomaly list over the same year: every flag explained; the counts go to the README. */
  private void anomaliesOf(YearMonth from, YearMonth to) {
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
    String range = "&from=" + from + "&to=" + to;
    for (String period : List.of("MONTH", "QUARTER", "HALF_YEAR")) {
      assertThat(
              read("auditor-1", "/api/statistics/kp/production?period=" + period + range)
                  .path("total")
                  .path("anomalyFlags")
                  .asLong())
          .as("flagged purchases in the production statistics per " + period)
          .isEqualTo((long) kinds.getOrDefault("VALUE_PER_CARAT_OUTLIER", 0));
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

  /** Exports and certificates per partner country and HS code, from the event store. */
  private Map<String, Expected> expectedTrade(YearMonth from, YearMonth to) {
    Map<String, JsonNode> proposals = new HashMap<>();
    payloads("ShipmentProposedEvent").forEach(p -> proposals.put(p.path("shipmentId").asText(), p));
    Map<String, JsonNode> certificates = new HashMap<>();
    payloads("CertificateIssuedEvent")
        .forEach(p -> certificates.put(p.path("certificateNumber").asText(), p));
    Map<String, Expected> out = new TreeMap<>();
    for (JsonNode x : payloads("ShipmentExportedEvent")) {
      if (within(x.path("exportedOn").asText(), from, to)) {
        JsonNode s = proposals.get(x.path("shipmentId").asText());
        JsonNode cert = certificates.get(x.path("certificateNumber").asText());
        Expected e =
            out.computeIfAbsent(
                s.path("importer").path("country").asText() + "/" + cert.path("hsCode").asText(),
                k -> new Expected());
        e.shipments++;
        e.carats = e.carats.add(s.path("carats").decimalValue());
        e.value = e.value.add(s.path("valueUsd").decimalValue());
      }
    }
    for (JsonNode cert : certificates.values()) {
      if (within(cert.path("issuedOn").asText(), from, to)) {
        out.computeIfAbsent(
                cert.path("importerCountry").asText() + "/" + cert.path("hsCode").asText(),
                k -> new Expected())
            .certificates++;
      }
    }
    return out;
  }

  private void assertCsvHoldsTheJsonRows(String target, JsonNode json) {
    String csv = csv(target);
    String[] lines = csv.split("\r\n");
    List<JsonNode> rows = new ArrayList<>();
    json.path("rows").forEach(rows::add);
    rows.add(json.path("total"));
    assertThat(lines).as(target + " as CSV").hasSize(rows.size() + 1);
    List<String> fields = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(fields::add);
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = lines[i + 1].split(",", -1);
      assertThat(cells).as(lines[i + 1]).hasSize(fields.size());
      for (int f = 0; f < fields.size(); f++) {
        JsonNode v = rows.get(i).path(fields.get(f));
        if (f == 0 && i == rows.size() - 1) {
          assertThat(cells[f]).isEqualTo("TOTAL");
        } else if (v.isNull()) {
          assertThat(cells[f]).as(fields.get(f)).isEmpty();
        } else if (v.isNumber()) {
          assertThat(new BigDecimal(cells[f]))
              .as(fields.get(f))
              .isEqualByComparingTo(v.decimalValue());
        } else {
          assertThat(cells[f]).as(fields.get(f)).isEqualTo(v.asText());
        }
      }
    }
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

  private List<JsonNode> payloads(String type) {
    return jdbc.query(
        "SELECT payload FROM domain_event_entry WHERE payload_type LIKE ?",
        (rs, n) -> {
          try {
            return JSON.readTree(rs.getBytes(1));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        "%." + type);
  }

  private static boolean within(String day, YearMonth from, YearMonth to) {
    YearMonth m = YearMonth.from(LocalDate.parse(day));
    return !m.isBefore(from) && !m.isAfter(to);
  }

  private static String key(JsonNode r) {
    return r.path("partnerCountry").asText() + "/" + r.path("hsCode").asText();
  }

  /** Sums of one partner country and HS code. */
  private static final class Expected {
    long shipments;
    long certificates;
    BigDecimal carats = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;

    void add(Expected o) {
      shipments += o.shipments;
      certificates += o.certificates;
      carats = carats.add(o.carats);
      value = value.add(o.value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Expected e
          && shipments == e.shipments
          && certificates == e.certificates
          && carats.compareTo(e.carats) == 0
          && value.compareTo(e.value) == 0;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(shipments);
    }

    @Override
    public String toString() {
      return shipments
          + " shipments, "
          + carats
          + " ct, US$"
          + value
          + ", "
          + certificates
          + " certificates";
    }
  }
}
