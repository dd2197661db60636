package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.c;
import static org.kpledger.api.TraceScenarioTest.field;
import static org.kpledger.api.TraceScenarioTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Trace forward over the {@link TraceScenario}, with the answers written out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceForwardTest extends ReadTestBase {
  private CarFixture car;
  private String col;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    col = TraceScenario.collector(TraceScenario.SHARED);
    awaitProjections();
  }

  @Test
  void fromMinerReachesItsLotsParcelsShipmentAndCertificate() {
    JsonNode t = read("mt-monitor", "/api/trace/forward/miners/TS-M-1");
    assertThat(t.path("startKind").asText()).isEqualTo("MINER");
    assertThat(t.path("originCount").asInt()).isEqualTo(2);
    assertThat(c(t.path("originCarats"))).isEqualTo("22.40");
    assertThat(t.path("failingOrigins")).isEmpty();
    assertThat(field(t.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-C", "TS-P-1", "TS-P-1A", "TS-P-1B");
    assertThat(shipments(t)).containsExactly("TS-SH-1 EXPORTED CF-TS-0001");
    assertThat(certificates(t)).containsExactly("CF-TS-0001 CONFIRMED");
  }

  @Test
  void fromSiteEachReaderSeesOnlyWhatItMay() {
    JsonNode mt = read("mt-monitor", "/api/trace/forward/sites/TS-S-W");
    assertThat(mt.path("originCount").asInt()).isEqualTo(6);
    assertThat(c(mt.path("originCarats"))).isEqualTo("41.00");
    assertThat(field(mt.path("items").path("items"), "itemId"))
        .containsExactly(
            "TS-LOT-A",
            "TS-LOT-B",
            "TS-LOT-C",
            "TS-LOT-D",
            "TS-LOT-F",
            "TS-LOT-G",
            "TS-P-1",
            "TS-P-1A",
            "TS-P-1B");
    assertThat(shipments(mt))
        .containsExactly(
            "TS-SH-1 EXPORTED CF-TS-0001",
            "TS-SH-2 EXPORTED CF-TS-0002",
            "TS-SH-3 EXPORTED CF-TS-0003");
    assertThat(certificates(mt))
        .containsExactly(
            "CF-TS-0001 CONFIRMED", "CF-TS-0002 EXPORTED", "CF-TS-0003 CONFIRMED_WITH_MISMATCHES");
    JsonNode alpha = read("alpha-buyer", "/api/trace/forward/sites/TS-S-W");
    assertThat(field(alpha.path("items").path("items"), "itemId"))
        .containsExactly(
            "TS-LOT-A",
            "TS-LOT-B",
            "TS-LOT-C",
            "TS-LOT-F",
            "TS-LOT-G",
            "TS-P-1",
            "TS-P-1A",
            "TS-P-1B");
    assertThat(alpha.path("originCount").asInt()).isEqualTo(5);
    assertThat(c(alpha.path("originCarats"))).isEqualTo("36.00");
    JsonNode beta = read("beta-buyer", "/api/trace/forward/sites/TS-S-W");
    assertThat(field(beta.path("items").path("items"), "itemId")).containsExactly("TS-LOT-D");
    assertThat(c(beta.path("originCarats"))).isEqualTo("5.00");
    assertThat(beta.path("shipments")).isEmpty();
  }

  @Test
  void fromSuspendedZoneEveryItemCarriesTheVerdict() {
    JsonNode t = read("mt-monitor", "/api/trace/forward/zones/TS-BRIA");
    assertThat(t.path("originCount").asInt()).isEqualTo(1);
    assertThat(c(t.path("originCarats"))).isEqualTo("3.00");
    JsonNode failing = t.path("failingOrigins").get(0);
    assertThat(failing.path("lotId").asText()).isEqualTo("TS-LOT-E");
    assertThat(failing.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(field(failing.path("failed"), "rule")).containsExactly("ZONE_NOT_COMPLIANT");
    JsonNode lot = t.path("items").path("items").get(0);
    assertThat(lot.path("itemId").asText()).isEqualTo("TS-LOT-E");
    assertThat(lot.path("exportable").asBoolean()).isFalse();
    assertThat(texts(lot.path("failingOrigins"))).containsExactly("TS-LOT-E");
    assertThat(t.path("shipments")).isEmpty();
  }

  @Test
  void fromZonePagesItemsAndFiltersOriginsByPeriod() {
    JsonNode t = read("mt-monitor", "/api/trace/forward/zones/TS-BERBERATI?size=4&page=2");
    assertThat(t.path("originCount").asInt()).isEqualTo(8);
    assertThat(c(t.path("originCarats"))).isEqualTo("61.00");
    assertThat(t.path("failingOrigins")).isEmpty();
    assertThat(t.path("items").path("total").asInt()).isEqualTo(11);
    assertThat(field(t.path("items").path("items"), "itemId"))
        .containsExactly("TS-P-1B", "TS-STK-1", "TS-STK-2");
    JsonNode period =
        read(
            "mt-monitor",
            "/api/trace/forward/zones/TS-BERBERATI?from="
                + car.today.minusDays(16)
                + "&to="
                + car.today.minusDays(10));
    assertThat(period.path("originCount").asInt()).isEqualTo(1);
    assertThat(field(period.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-C", "TS-P-1", "TS-P-1A", "TS-P-1B");
  }

  @Test
  void fromLotReachesTheParcelsItWasMergedAndSplitInto() {
    JsonNode t = read("mt-monitor", "/api/trace/forward/lots/TS-LOT-A");
    assertThat(t.path("originCount").asInt()).isEqualTo(1);
    assertThat(c(t.path("originCarats"))).isEqualTo("12.40");
    assertThat(field(t.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-P-1", "TS-P-1A", "TS-P-1B");
    assertThat(shipments(t)).containsExactly("TS-SH-1 EXPORTED CF-TS-0001");
  }

  @Test
  void fromCollectorReachesItsPurchasesAndTheCollectorSeesOnlyWhatItHeld() {
    JsonNode mt = read("mt-monitor", "/api/trace/forward/collectors/" + col);
    assertThat(mt.path("originCount").asInt()).isEqualTo(3);
    assertThat(c(mt.path("originCarats"))).isEqualTo("23.00");
    assertThat(field(mt.path("failingOrigins"), "lotId")).containsExactly("TS-LOT-E");
    assertThat(field(mt.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-E", "TS-P-1", "TS-P-1A", "TS-P-1B");
    assertThat(shipments(mt)).containsExactly("TS-SH-1 EXPORTED CF-TS-0001");
    JsonNode own = read(col, "/api/trace/forward/collectors/" + col);
    assertThat(field(own.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-E");
    assertThat(own.path("shipments")).isEmpty();
    problem(get("beta-buyer", "/api/trace/forward/collectors/" + col), 403, "NOT_VISIBLE", "id");
  }

  static java.util.List<String> shipments(JsonNode t) {
    java.util.List<String> out = new java.util.ArrayList<>();
    t.path("shipments")
        .forEach(
            s ->
                out.add(
                    s.path("shipmentId").asText()
                        + " "
                        + s.path("status").asText()
                        + " "
                        + s.path("certificateNumber").asText()));
    return out;
  }

  static java.util.List<String> certificates(JsonNode t) {
    java.util.List<String> out = new java.util.ArrayList<>();
    t.path("certificates")
        .forEach(
            s -> out.add(s.path("certificateNumber").asText() + " " + s.path("status").asText()));
    return out;
  }
}
