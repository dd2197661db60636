package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.c;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * KP-style statistics over the {@link StatisticsScenario}, with every answer written out: purchases
 * per zone and Bangui month, each buying office's acquisitions and exports, exports and
 * certificates per month; a trader's own rows only; then the zones and statistics projections are
 * rebuilt from the event store and answer the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsTest extends ReadTestBase {
  private StatisticsScenario s;
  private String period;

  @BeforeAll
  void scenario() {
    s = StatisticsScenario.shared(this::ok);
    period = "from=" + s.m2 + "&to=" + s.m0;
    awaitProjections();
  }

  @Test
  @Order(1)
  void productionPerZoneAndMonth() {
    JsonNode west = read("mt-monitor", "/api/statistics/production?zone=KS-BERBERATI&" + period);
    assertThat(production(west))
        .containsExactly(
            "KS-BERBERATI " + s.m2 + " 1 10.00 1000.00",
            "KS-BERBERATI " + s.m1 + " 2 9.75 1300.00",
            "KS-BERBERATI " + s.m0 + " 1 3.00 450.00");
    assertThat(total(west, "purchases", "carats", "valueUsd")).isEqualTo("4 22.75 2750.00");
    assertThat(west.path("from").asText() + " " + west.path("to").asText())
        .isEqualTo(s.m2 + " " + s.m0);
    assertThat(west.path("party").isNull()).isTrue();
    JsonNode east = read("auditor-1", "/api/statistics/production?zone=KS-BRIA&" + period);
    assertThat(production(east))
        .containsExactly(
            "KS-BRIA " + s.m2 + " 1 2.00 300.00", "KS-BRIA " + s.m1 + " 1 1.50 200.00");
    JsonNode all = read("mt-monitor", "/api/statistics/production?size=500&" + period);
    assertThat(production(all))
        .contains("KS-BERBERATI " + s.m1 + " 2 9.75 1300.00", "KS-BRIA " + s.m2 + " 1 2.00 300.00");
    JsonNode oneMonth =
        read(
            "mt-monitor",
            "/api/statistics/production?zone=KS-BERBERATI&from=" + s.m1 + "&to=" + s.m1);
    assertThat(production(oneMonth)).containsExactly("KS-BERBERATI " + s.m1 + " 2 9.75 1300.00");
  }

  @Test
  @Order(2)
  void aSlipLateOnTheLastEveningInUtcCountsInTheNextBanguiMonth() {
    JsonNode col =
        read(StatisticsScenario.COLLECTOR, "/api/statistics/production?" + period + "&size=500");
    assertThat(col.path("party").asText()).isEqualTo(StatisticsScenario.COLLECTOR);
    assertThat(production(col))
        .containsExactly(
            "KS-BRIA " + s.m2 + " 1 2.00 300.00", "KS-BERBERATI " + s.m1 + " 1 5.50 700.00");
  }

  @Test
  @Order(3)
  void rowsArePagedAndTheTotalCoversEveryPage() {
    JsonNode p =
        read("mt-monitor", "/api/statistics/production?zone=KS-BERBERATI&size=1&page=1&" + period);
    assertThat(production(p)).containsExactly("KS-BERBERATI " + s.m1 + " 2 9.75 1300.00");
    assertThat(p.path("rows").path("total").asInt()).isEqualTo(3);
    assertThat(total(p, "purchases", "carats", "valueUsd")).isEqualTo("4 22.75 2750.00");
  }

  @Test
  @Order(4)
  void buyingOfficeAcquisitionsAndExportsPerMonth() {
    JsonNode gamma = read("mt-monitor", "/api/statistics/offices?office=BO-GAMMA&" + period);
    assertThat(offices(gamma))
        .containsExactly(
            "BO-GAMMA " + s.m2 + " 1 10.00 1000.00 0.00 10.00 0 0.00 0.00",
            "BO-GAMMA " + s.m1 + " 2 5.75 800.00 0.00 5.75 0 0.00 0.00",
            "BO-GAMMA " + s.m0 + " 0 0.00 0.00 5.50 5.50 1 15.50 2300.00");
    assertThat(total(gamma, "caratsAcquired", "caratsExported", "valueExportedUsd"))
        .isEqualTo("21.25 15.50 2300.00");
    JsonNode all = read("auditor-1", "/api/statistics/offices?size=500&" + period);
    assertThat(offices(all))
        .contains("BO-DELTA " + s.m0 + " 1 3.00 450.00 0.00 3.00 0 0.00 0.00")
        .noneMatch(r -> r.startsWith(StatisticsScenario.COLLECTOR));
  }

  @Test
  @Order(5)
  void exportsAndCertificatesPerMonth() {
    JsonNode gamma = read("mt-monitor", "/api/statistics/exports?exporter=BO-GAMMA&" + period);
    assertThat(exports(gamma)).containsExactly(s.m0 + " 1 15.50 2300.00 2");
    assertThat(total(gamma, "shipments", "carats", "valueUsd", "certificatesIssued"))
        .isEqualTo("1 15.50 2300.00 2");
    JsonNode before = read("mt-monitor", "/api/statistics/exports?exporter=BO-GAMMA&to=" + s.m1);
    assertThat(exports(before)).isEmpty();
    assertThat(before.path("from").asText()).isEqualTo(s.m1.minusMonths(11).toString());
  }

  @Test
  @Order(6)
  void aTraderReadsOnlyItsOwnRows() {
    JsonNode gamma = read("gamma-buyer", "/api/statistics/production?zone=KS-BERBERATI&" + period);
    assertThat(gamma.path("party").asText()).isEqualTo("BO-GAMMA");
    assertThat(production(gamma))
        .containsExactly(
            "KS-BERBERATI " + s.m2 + " 1 10.00 1000.00", "KS-BERBERATI " + s.m1 + " 1 4.25 600.00");
    assertThat(
            production(
                read("delta-buyer", "/api/statistics/production?zone=KS-BERBERATI&" + period)))
        .containsExactly("KS-BERBERATI " + s.m0 + " 1 3.00 450.00");
    assertThat(offices(read("delta-buyer", "/api/statistics/offices?" + period)))
        .containsExactly("BO-DELTA " + s.m0 + " 1 3.00 450.00 0.00 3.00 0 0.00 0.00");
    assertThat(exports(read("delta-buyer", "/api/statistics/exports?" + period))).isEmpty();
    assertThat(exports(read("gamma-buyer", "/api/statistics/exports?exporter=BO-GAMMA&" + period)))
        .containsExactly(s.m0 + " 1 15.50 2300.00 2");
    problem(
        get("gamma-buyer", "/api/statistics/offices?office=BO-DELTA"),
        403,
        "NOT_VISIBLE",
        "office");
    problem(
        get("gamma-buyer", "/api/statistics/exports?exporter=BO-ALPHA"),
        403,
        "NOT_VISIBLE",
        "exporter");
    problem(
        get("delta-buyer", "/api/statistics/production?buyer=BO-GAMMA"),
        403,
        "NOT_VISIBLE",
        "buyer");
    problem(get("be-officer", "/api/statistics/production"), 403, "NOT_VISIBLE", null);
    problem(get("be-officer", "/api/statistics/exports"), 403, "NOT_VISIBLE", null);
  }

  @Test
  @Order(7)
  void rebuildingZonesAndStatisticsGivesTheSameAnswers() {
    Map<String, JsonNode> live = answers();
    jdbc.update("DELETE FROM stat_production WHERE zone_id LIKE 'KS-%'");
    jdbc.update("DELETE FROM stat_office WHERE party = 'BO-GAMMA'");
    jdbc.update("UPDATE stat_export SET certificates_issued = 0 WHERE exporter = 'BO-GAMMA'");
    jdbc.update("DELETE FROM zone_history_decision WHERE zone_id LIKE 'KS-%'");
    jdbc.update("DELETE FROM zone_history_purchase WHERE zone_id LIKE 'KS-%'");
    assertThat(answers()).isNotEqualTo(live);
    for (String name : List.of("zones", "statistics")) {
      Answer a = postSigned("auditor-1", "/api/projections/" + name + "/replay");
      assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
      assertThat(a.body().path("tables").toString())
          .contains(name.equals("zones") ? "zone_history_decision" : "stat_production");
    }
    awaitProjections();
    Map<String, JsonNode> rebuilt = answers();
    for (String target : live.keySet()) {
      assertThat(rebuilt.get(target)).as(target).isEqualTo(live.get(target));
    }
  }

  private Map<String, JsonNode> answers() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String target :
        List.of(
            "/api/statistics/production?zone=KS-BERBERATI&" + period,
            "/api/statistics/production?zone=KS-BRIA&" + period,
            "/api/statistics/offices?office=BO-GAMMA&" + period,
            "/api/statistics/exports?exporter=BO-GAMMA&" + period,
            "/api/zones/KS-BRIA/history",
            "/api/zones/KS-BERBERATI/history",
            "/api/zones?size=500")) {
      out.put(target, read("mt-monitor", target));
    }
    return out;
  }

  private static List<String> production(JsonNode report) {
    return rows(report, "zoneId", "month", "purchases", "carats", "valueUsd");
  }

  private static List<String> offices(JsonNode report) {
    return rows(
        report,
        "office",
        "month",
        "purchases",
        "caratsPurchased",
        "valuePurchasedUsd",
        "caratsReceived",
        "caratsAcquired",
        "shipmentsExported",
        "caratsExported",
        "valueExportedUsd");
  }

  private static List<String> exports(JsonNode report) {
    return rows(report, "month", "shipments", "carats", "valueUsd", "certificatesIssued");
  }

  private static List<String> rows(JsonNode report, String... fields) {
    List<String> out = new ArrayList<>();
    report.path("rows").path("items").forEach(r -> out.add(line(r, fields)));
    return out;
  }

  private static String total(JsonNode report, String... fields) {
    return line(report.path("total"), fields);
  }

  /** The fields of a row, amounts with two decimals. */
  private static String line(JsonNode row, String... fields) {
    List<String> parts = new ArrayList<>();
    for (String f : fields) {
      JsonNode v = row.path(f);
      parts.add(v.isNumber() && !v.isIntegralNumber() ? c(v) : v.asText());
    }
    return String.join(" ", parts);
  }
}
