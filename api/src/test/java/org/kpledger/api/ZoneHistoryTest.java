package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.c;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Zone history over the {@link StatisticsScenario}: decisions with their signers, the status in
 * force on any day, and purchases split by the status on their purchase day as the decisions stand
 * now (a late decision moves E2 from non-compliant to compliant; the record-time flag keeps both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoneHistoryTest extends ReadTestBase {
  private StatisticsScenario s;

  @BeforeAll
  void scenario() {
    s = StatisticsScenario.shared(this::ok);
    awaitProjections();
  }

  @Test
  void historyListsDecisionsWithSignersAndPurchasesUnderEach() {
    JsonNode h = read("mt-monitor", "/api/zones/KS-BRIA/history");
    assertThat(h.path("name").asText()).isEqualTo("KS-BRIA");
    assertThat(decisions(h))
        .containsExactly(
            "COMPLIANT 2003-01-01 2013-05-23 KPCS participation 0 0.00",
            "SUSPENDED 2013-05-23 " + s.eastCompliantFrom() + " AD temporary suspension 1 2.00",
            "COMPLIANT " + s.eastCompliantFrom() + " null MT-KS-EAST 1 1.50");
    for (JsonNode d : h.path("decisions")) {
      assertThat(
              d.path("signedBy").asText()
                  + " "
                  + d.path("signerOrganisation").asText()
                  + " "
                  + d.path("signerRole").asText())
          .isEqualTo("mt-monitor KP-MT MONITOR");
      assertThat(d.path("commandId").asText()).isNotBlank();
      assertThat(d.path("recordedAt").asText()).startsWith(s.car.today.getYear() + "-");
      assertThat(d.path("retroactive").asBoolean()).as(d.toString()).isTrue();
    }
    assertThat(purchases(h)).isEqualTo("1 1.50 | 1 2.00 | 0 0.00 | 2");
    assertThat(h.path("purchasesOf").isNull()).isTrue();
    assertThat(inForce(h)).isEqualTo("COMPLIANT " + s.eastCompliantFrom() + " MT-KS-EAST");
  }

  @Test
  void statusInForceOnAnyDay() {
    String day = s.eastCompliantFrom().minusDays(1).toString();
    assertThat(inForce(read("be-officer", "/api/zones/KS-BRIA/history?asOf=" + day)))
        .isEqualTo("SUSPENDED 2013-05-23 AD temporary suspension");
    assertThat(inForce(read("mt-monitor", "/api/zones/KS-BRIA/history?asOf=2013-05-22")))
        .isEqualTo("COMPLIANT 2003-01-01 KPCS participation");
    assertThat(inForce(read("mt-monitor", "/api/zones/KS-BRIA/history?asOf=2002-12-31")))
        .isEqualTo("SUSPENDED null null");
    assertThat(inForce(read("mt-monitor", "/api/zones/KS-BERBERATI/history?asOf=2016-05-01")))
        .isEqualTo("COMPLIANT 2016-05-01 MT assessment of Berberati");
  }

  @Test
  void listGivesEachZoneItsStatusOnADay() {
    String before = s.eastCompliantFrom().minusDays(1).toString();
    assertThat(zones("/api/zones?size=500"))
        .contains(
            "KS-BERBERATI COMPLIANT 2016-05-01", "KS-BRIA COMPLIANT " + s.eastCompliantFrom());
    assertThat(zones("/api/zones?status=SUSPENDED&size=500&asOf=" + before))
        .contains("KS-BRIA SUSPENDED 2013-05-23")
        .noneMatch(z -> z.startsWith("KS-BERBERATI"));
    assertThat(zones("/api/zones?status=COMPLIANT&size=500&asOf=" + before))
        .contains("KS-BERBERATI COMPLIANT 2016-05-01")
        .noneMatch(z -> z.startsWith("KS-BRIA"));
    JsonNode page = read("alpha-buyer", "/api/zones?prefecture=X&size=1&page=1");
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void sitesCarryTheirRegisteredCoordinatesAndTheirZonesStatusOnADay() {
    ok(
        "kp-registrar",
        "RegisterZone",
        CarFixture.obj("zoneId", "ZS-NDELE", "name", "Ndélé", "prefecture", "ZS-Bamingui"));
    ok(
        "kp-registrar",
        "RegisterSite",
        CarFixture.obj(
            "siteId",
            "ZS-S-1",
            "name",
            "Ndélé pits",
            "zoneId",
            "ZS-NDELE",
            "gps",
            CarFixture.obj(
                "latitude", CarFixture.num("8.4109"), "longitude", CarFixture.num("-20.6473"))));
    ok(
        "kp-registrar",
        "RegisterSite",
        CarFixture.obj(
            "siteId",
            "ZS-S-2",
            "name",
            "Ndélé north",
            "zoneId",
            "ZS-NDELE",
            "gps",
            CarFixture.obj(
                "latitude", CarFixture.num("10.000"), "longitude", CarFixture.num("20.5"))));
    ok(
        "mt-monitor",
        "RecordZoneDecision",
        CarFixture.obj(
            "zoneId",
            "ZS-NDELE",
            "status",
            "COMPLIANT",
            "effectiveFrom",
            "2020-01-01",
            "decisionRef",
            "MT-ZS"));
    awaitProjections();
    JsonNode page = read("alpha-buyer", "/api/sites?zone=ZS-NDELE");
    assertThat(page.path("total").asInt()).isEqualTo(2);
    JsonNode site = page.path("items").get(0);
    assertThat(page.path("items").get(1).path("latitude").toString())
        .as("whole degrees as a plain number")
        .isEqualTo("10");
    assertThat(
            site.path("siteId").asText()
                + " "
                + site.path("name").asText()
                + " "
                + site.path("zoneName").asText()
                + " "
                + site.path("prefecture").asText()
                + " "
                + site.path("latitude").decimalValue().toPlainString()
                + " "
                + site.path("longitude").decimalValue().toPlainString()
                + " "
                + site.path("zoneStatus").asText())
        .isEqualTo("ZS-S-1 Ndélé pits Ndélé ZS-Bamingui 8.4109 -20.6473 COMPLIANT");
    assertThat(
            read("mt-monitor", "/api/sites?prefecture=ZS-Bamingui&asOf=2019-12-31")
                .path("items")
                .get(0)
                .path("zoneStatus")
                .asText())
        .as("before the first decision")
        .isEqualTo("SUSPENDED");
    assertThat(read("mt-monitor", "/api/sites?zone=ZS-NONE").path("total").asInt()).isZero();
    assertThat(send("GET", "/api/sites", java.util.Map.of()).status())
        .as("an unsigned read")
        .isEqualTo(401);
  }

  @Test
  void aTraderCountsOnlyItsOwnPurchasesAndOthersNone() {
    JsonNode gamma = read("gamma-buyer", "/api/zones/KS-BRIA/history");
    assertThat(gamma.path("purchasesOf").asText()).isEqualTo("BO-GAMMA");
    assertThat(purchases(gamma)).isEqualTo("1 1.50 | 0 0.00 | 0 0.00 | 1");
    JsonNode col = read(StatisticsScenario.COLLECTOR, "/api/zones/KS-BRIA/history");
    assertThat(purchases(col)).isEqualTo("0 0.00 | 1 2.00 | 0 0.00 | 1");
    assertThat(purchases(read("delta-buyer", "/api/zones/KS-BERBERATI/history")))
        .isEqualTo("1 3.00 | 0 0.00 | 0 0.00 | 0");
    JsonNode importer = read("be-officer", "/api/zones/KS-BRIA/history");
    assertThat(importer.path("purchases").isNull()).isTrue();
    assertThat(importer.path("decisions")).hasSize(3);
    importer.path("decisions").forEach(d -> assertThat(d.path("purchases").isNull()).isTrue());
  }

  static List<String> decisions(JsonNode history) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : history.path("decisions")) {
      out.add(
          String.join(
              " ",
              d.path("status").asText(),
              d.path("effectiveFrom").asText(),
              d.path("until").asText(),
              d.path("decisionRef").asText(),
              d.path("purchases").path("purchases").asText(),
              c(d.path("purchases").path("carats"))));
    }
    return out;
  }

  /** compliant | non-compliant | before the first decision | recorded non-compliant. */
  static String purchases(JsonNode history) {
    JsonNode p = history.path("purchases");
    return tally(p.path("compliant"))
        + " | "
        + tally(p.path("nonCompliant"))
        + " | "
        + tally(p.path("beforeFirstDecision"))
        + " | "
        + p.path("recordedNonCompliant").asLong();
  }

  private static String tally(JsonNode t) {
    return t.path("purchases").asLong() + " " + c(t.path("carats"));
  }

  private static String inForce(JsonNode history) {
    JsonNode z = history.path("inForce");
    return z.path("status").asText()
        + " "
        + z.path("since").asText()
        + " "
        + z.path("decisionRef").asText();
  }

  private List<String> zones(String target) {
    List<String> out = new ArrayList<>();
    read("be-officer", target)
        .path("items")
        .forEach(
            z ->
                out.add(
                    z.path("zoneId").asText()
                        + " "
                        + z.path("status").asText()
                        + " "
                        + z.path("since").asText()));
    return out;
  }
}
