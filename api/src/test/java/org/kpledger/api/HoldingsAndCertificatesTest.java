package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.c;
import static org.kpledger.api.TraceScenarioTest.field;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Holdings as of a day, certificates and the shipment list over the {@link TraceScenario}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldingsAndCertificatesTest extends ReadTestBase {
  private CarFixture car;
  private String col;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    col = TraceScenario.collector(TraceScenario.SHARED);
    awaitProjections();
  }

  @Test
  void collectorHoldingsAsOfEachDay() {
    JsonNode early =
        read("mt-monitor", "/api/holdings?holder=" + col + "&asOf=" + car.today.minusDays(15));
    assertThat(held(early))
        .containsExactly(
            "TS-LOT-A 12.40 "
                + car.today.minusDays(20)
                + " PURCHASE [TS-BERBERATI] DURING_SUSPENSION",
            "TS-LOT-B 7.60 "
                + car.today.minusDays(18)
                + " PURCHASE [TS-BERBERATI] DURING_SUSPENSION");
    assertThat(c(early.path("carats"))).isEqualTo("20.00");
    assertThat(totals(early.path("caratsByPeriod"))).containsExactly("DURING_SUSPENSION 20.00");
    JsonNode yesterday =
        read(col, "/api/holdings?holder=" + col + "&asOf=" + car.today.minusDays(1));
    assertThat(yesterday.path("itemCount").asInt()).isEqualTo(3);
    assertThat(c(yesterday.path("carats"))).isEqualTo("23.00");
    assertThat(totals(yesterday.path("caratsByZone")))
        .containsExactly("TS-BERBERATI 20.00", "TS-BRIA 3.00");
    JsonNode paged =
        read(
            col,
            "/api/holdings?holder=" + col + "&asOf=" + car.today.minusDays(1) + "&size=2&page=1");
    assertThat(field(paged.path("items").path("items"), "itemId")).containsExactly("TS-LOT-E");
    assertThat(paged.path("items").path("total").asInt()).isEqualTo(3);
    JsonNode today = read(col, "/api/holdings?holder=" + col + "&asOf=" + car.today);
    assertThat(today.path("itemCount").asInt()).isZero();
  }

  @Test
  void buyingOfficeHoldingsSplitBeforeAndAfterTheSuspension() {
    String alpha = "/api/holdings?holder=BO-ALPHA&zone=TS-BERBERATI&asOf=";
    JsonNode before = read("auditor-1", alpha + "2013-05-22");
    assertThat(held(before))
        .containsExactly("TS-STK-1 12.00 2012-03-01 STOCKPILE [TS-BERBERATI] BEFORE_SUSPENSION");
    JsonNode yesterday = read("alpha-buyer", alpha + car.today.minusDays(1));
    assertThat(field(yesterday.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-C", "TS-LOT-F", "TS-LOT-G", "TS-STK-1", "TS-STK-2");
    assertThat(c(yesterday.path("carats"))).isEqualTo("36.00");
    assertThat(totals(yesterday.path("caratsByPeriod")))
        .containsExactly("BEFORE_SUSPENSION 12.00", "DURING_SUSPENSION 24.00");
    JsonNode pre =
        read("alpha-buyer", alpha + car.today.minusDays(1) + "&period=BEFORE_SUSPENSION");
    assertThat(field(pre.path("items").path("items"), "itemId")).containsExactly("TS-STK-1");
    JsonNode east =
        read("alpha-buyer", "/api/holdings?holder=BO-ALPHA&zone=TS-BRIA&asOf=" + car.today);
    assertThat(held(east))
        .containsExactly("TS-LOT-E 3.00 " + car.today + " TRANSFER [TS-BRIA] DURING_SUSPENSION");
  }

  @Test
  void stockpileItemAcquiredDuringTheSuspensionIsLabelledSoAndSaysItsQuarantine() {
    JsonNode now = read("alpha-buyer", "/api/stockpiles/TS-ST-1/holdings?asOf=" + car.today);
    List<String> rows = new ArrayList<>();
    for (JsonNode i : now.path("items").path("items")) {
      JsonNode q = i.path("quarantine");
      rows.add(
          i.path("itemId").asText()
              + " "
              + i.path("period").asText()
              + " "
              + (q.isNull() || q.isMissingNode()
                  ? "-"
                  : q.path("status").asText()
                      + " "
                      + q.path("reason").asText()
                      + " "
                      + q.path("auditReference").asText("-")));
    }
    assertThat(rows)
        .containsExactly(
            "TS-STK-1 BEFORE_SUSPENSION -",
            "TS-STK-2 DURING_SUSPENSION RELEASED ACQUIRED_DURING_SUSPENSION AUD-7",
            "TS-STK-3 UNDOCUMENTED QUARANTINED UNDOCUMENTED_ORIGIN -");
  }

  @Test
  void stockpileHoldingsByPeriodAndZone() {
    JsonNode now = read("alpha-buyer", "/api/stockpiles/TS-ST-1/holdings?asOf=" + car.today);
    assertThat(field(now.path("items").path("items"), "itemId"))
        .containsExactly("TS-STK-1", "TS-STK-2", "TS-STK-3");
    assertThat(c(now.path("carats"))).isEqualTo("22.00");
    assertThat(totals(now.path("caratsByPeriod")))
        .containsExactly("BEFORE_SUSPENSION 12.00", "DURING_SUSPENSION 8.00", "UNDOCUMENTED 2.00");
    assertThat(totals(now.path("caratsByZone")))
        .containsExactly("TS-BERBERATI 20.00", "UNDOCUMENTED 2.00");
    JsonNode then = read("mt-monitor", "/api/stockpiles/TS-ST-1/holdings?asOf=2013-01-01");
    assertThat(field(then.path("items").path("items"), "itemId")).containsExactly("TS-STK-1");
  }

  @Test
  void exporterIsRefusedAnotherExportersData() {
    problem(
        get("beta-buyer", "/api/holdings?holder=BO-ALPHA&asOf=" + car.today),
        403,
        "NOT_VISIBLE",
        "holder");
    problem(
        get("beta-buyer", "/api/stockpiles/TS-ST-1/holdings?asOf=" + car.today),
        403,
        "NOT_VISIBLE",
        "stockpileId");
    problem(get("beta-buyer", "/api/trace/back/items/TS-P-1A"), 403, "NOT_VISIBLE", "itemId");
    problem(
        get("beta-buyer", "/api/trace/back/shipments/TS-SH-1"), 403, "NOT_VISIBLE", "shipmentId");
    problem(
        get("beta-buyer", "/api/trace/back/certificates/CF-TS-0001"), 403, "NOT_VISIBLE", "number");
    problem(get("beta-buyer", "/api/certificates/CF-TS-0001"), 403, "NOT_VISIBLE", "number");
    problem(get("beta-buyer", "/api/history/TS-LOT-C"), 403, "NOT_VISIBLE", "aggregateId");
    problem(get("beta-buyer", "/api/shipments?exporter=BO-ALPHA"), 403, "NOT_VISIBLE", "exporter");
    problem(get("beta-buyer", "/api/shipments/TS-SH-1/dossier"), 403, "NOT_VISIBLE", null);
    problem(get("beta-buyer", "/api/trace/forward/lots/TS-LOT-C"), 403, "NOT_VISIBLE", "id");
    assertThat(read("beta-buyer", "/api/shipments?zone=TS-BERBERATI").path("total").asInt())
        .isZero();
  }

  @Test
  void traderSeesPricesOnlyOnItsOwnSlips() {
    JsonNode t = read("alpha-buyer", "/api/trace/back/shipments/TS-SH-1");
    assertThat(TraceScenarioTest.origins(t))
        .extracting(s -> s.split(" ")[0] + " " + s.split(" ")[s.split(" ").length - 2])
        .containsExactly("TS-LOT-A hidden", "TS-LOT-B hidden", "TS-LOT-C 1000.00");
  }

  @Test
  void certificatesPublicFormFullRecordAndConfirmationLists() {
    JsonNode pub = send("GET", "/api/public/certificates/CF-TS-0001", Map.of()).body();
    assertThat(pub.path("validity").asText()).isEqualTo("VALID");
    assertThat(pub.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(c(pub.path("carats"))).isEqualTo("30.00");
    assertThat(pub.path("parcelCount").asInt()).isEqualTo(2);
    assertThat(pub.path("hsCode").asText()).isEqualTo("7102.31");
    assertThat(pub.path("countryOfOrigin").asText()).isEqualTo("CF");
    assertThat(pub.has("exporter") || pub.has("valueUsd") || pub.has("importerName")).isFalse();
    assertThat(pub.path("confirmedOnChannel").isNull()).as("no Fabric on this node").isTrue();
    JsonNode full = read("mt-monitor", "/api/certificates/CF-TS-0003");
    assertThat(full.path("exporter").asText()).isEqualTo("BO-ALPHA");
    assertThat(c(full.path("valueUsd"))).isEqualTo("400.00");
    assertThat(TraceScenarioTest.texts(full.path("confirmation").path("mismatches")))
        .containsExactly("carats: certificate 2.00, received 1.90");
    assertThat(get("be-officer", "/api/certificates/CF-TS-0003").status()).isEqualTo(200);
    assertThat(get("alpha-buyer", "/api/certificates/CF-TS-0003").status()).isEqualTo(200);
    List<String> unconfirmed =
        numbers(read("mt-monitor", "/api/certificates/unconfirmed?olderThanDays=0&size=500"));
    assertThat(unconfirmed).contains("CF-TS-0002").doesNotContain("CF-TS-0001", "CF-TS-0003");
    assertThat(numbers(read("mt-monitor", "/api/certificates/unconfirmed?size=500")))
        .doesNotContain("CF-TS-0002");
    assertThat(numbers(read("mt-monitor", "/api/certificates/mismatched?size=500")))
        .contains("CF-TS-0003")
        .doesNotContain("CF-TS-0001", "CF-TS-0002");
    problem(get("alpha-buyer", "/api/certificates/mismatched"), 403, "NOT_VISIBLE", null);
  }

  @Test
  void theImportingAuthorityReadsACertificatesContentAsIssuedInCanonicalForm() {
    Answer a = get("be-officer", "/api/certificates/CF-TS-0003/content");
    assertThat(a.status()).isEqualTo(200);
    JsonNode content = a.body();
    assertThat(content.path("format").asText())
        .isEqualTo(org.kpledger.certificate.CertificateContent.FORMAT);
    assertThat(content.path("certificateNumber").asText()).isEqualTo("CF-TS-0003");
    assertThat(content.path("carats").asText()).as("as issued, not as received").isEqualTo("2.00");
    assertThat(content.path("valueUsd").asText()).isEqualTo("400.00");
    assertThat(content.path("importerCountry").asText()).isEqualTo("BE");
    assertThat(content.path("exporter").asText()).isEqualTo("BO-ALPHA");
    assertThat(org.kpledger.canonical.CanonicalJson.canonicalString(content.toString()))
        .isEqualTo(
            org.kpledger.certificate.CertificateContent.parse(content.toString()).canonicalText());
    problem(
        get("beta-buyer", "/api/certificates/CF-TS-0003/content"), 403, "NOT_VISIBLE", "number");
    problem(get("be-officer", "/api/certificates/CF-TS-9999/content"), 404, "UNKNOWN_ID", "number");
  }

  @Test
  void shipmentsTouchingAZoneOrSiteInAPeriod() {
    String zone = "/api/shipments?zone=TS-BERBERATI";
    assertThat(field(read("mt-monitor", zone).path("items"), "shipmentId"))
        .containsExactly("TS-SH-1", "TS-SH-2", "TS-SH-3");
    assertThat(read("mt-monitor", zone + "&status=CERTIFIED").path("total").asInt()).isZero();
    assertThat(read("alpha-buyer", zone + "&status=EXPORTED").path("total").asInt()).isEqualTo(3);
    String site = "/api/shipments?site=TS-S-W&from=" + car.today + "&to=" + car.today;
    assertThat(read("mt-monitor", site).path("total").asInt()).isEqualTo(3);
    assertThat(
            read("mt-monitor", "/api/shipments?site=TS-S-W&from=" + car.today.plusDays(1))
                .path("total")
                .asInt())
        .isZero();
    assertThat(read("mt-monitor", "/api/shipments?zone=TS-BRIA").path("total").asInt()).isZero();
  }

  private static List<String> held(JsonNode h) {
    List<String> out = new ArrayList<>();
    h.path("items")
        .path("items")
        .forEach(
            i ->
                out.add(
                    String.join(
                        " ",
                        i.path("itemId").asText(),
                        c(i.path("carats")),
                        i.path("acquiredOn").asText(),
                        i.path("acquiredBy").asText(),
                        TraceScenarioTest.texts(i.path("zones")).toString().replace(", ", ","),
                        i.path("period").asText())));
    return out;
  }

  private static List<String> totals(JsonNode map) {
    List<String> out = new ArrayList<>();
    map.fields().forEachRemaining(e -> out.add(e.getKey() + " " + c(e.getValue())));
    return out;
  }

  private static List<String> numbers(JsonNode page) {
    return field(page.path("items"), "certificateNumber");
  }
}
