package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hand-built {@link TraceScenario} with every answer written out: trace back from a shipment, a
 * certificate, a parcel, a lot and stockpile items; carats along each edge; zone and licence
 * standing on each day; custody and holders' licences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceScenarioTest extends ReadTestBase {
  static final String P = "TS-";
  private CarFixture car;
  private String col;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    col = TraceScenario.collector(P);
    awaitProjections();
  }

  @Test
  void traceBackFromShipmentResolvesEveryLotEdgeAndOrigin() {
    JsonNode t = read("mt-monitor", "/api/trace/back/shipments/TS-SH-1");
    assertThat(t.path("startKind").asText()).isEqualTo("SHIPMENT");
    assertThat(t.path("certificateNumber").asText()).isEqualTo("CF-TS-0001");
    assertThat(texts(t.path("startItems"))).containsExactly("TS-P-1A", "TS-P-1B");
    assertShipmentLineage(t);
  }

  @Test
  void traceBackFromCertificateIsTheShipmentsTrace() {
    JsonNode t = read("mt-monitor", "/api/trace/back/certificates/CF-TS-0001");
    assertThat(t.path("startKind").asText()).isEqualTo("CERTIFICATE");
    assertThat(t.path("shipmentId").asText()).isEqualTo("TS-SH-1");
    assertShipmentLineage(t);
  }

  private void assertShipmentLineage(JsonNode t) {
    assertThat(field(t.path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-C", "TS-P-1", "TS-P-1A", "TS-P-1B");
    assertThat(edges(t))
        .containsExactlyInAnyOrder(
            "TS-LOT-A>TS-P-1 12.40 MERGE",
            "TS-LOT-B>TS-P-1 7.60 MERGE",
            "TS-LOT-C>TS-P-1 10.00 MERGE",
            "TS-P-1>TS-P-1A 20.00 SPLIT",
            "TS-P-1>TS-P-1B 10.00 SPLIT");
    assertThat(origins(t))
        .containsExactly(
            "TS-LOT-A SLIP-TS-LOT-A TS-M-1 TS-S-W TS-BERBERATI "
                + car.today.minusDays(20)
                + " 12.40 "
                + col
                + " COMPLIANT/MT assessment of Berberati ACTIVE ACTIVE 1000.00 true",
            "TS-LOT-B SLIP-TS-LOT-B TS-M-2 TS-S-W TS-BERBERATI "
                + car.today.minusDays(18)
                + " 7.60 "
                + col
                + " COMPLIANT/MT assessment of Berberati ACTIVE ACTIVE 1000.00 true",
            "TS-LOT-C SLIP-TS-LOT-C TS-M-1 TS-S-W TS-BERBERATI "
                + car.today.minusDays(15)
                + " 10.00 BO-ALPHA COMPLIANT/MT assessment of Berberati ACTIVE ACTIVE 1000.00 true");
    assertThat(c(t.path("caratsByZone").path("TS-BERBERATI"))).isEqualTo("30.00");
    assertThat(t.path("caratsByZone").size()).isEqualTo(1);
    assertThat(t.path("exportable").asBoolean()).isTrue();
    JsonNode lotA = t.path("items").get(0);
    assertThat(custody(lotA))
        .containsExactly(col + " PURCHASE TRANSFER", "BO-ALPHA TRANSFER MERGE");
    assertThat(licences(lotA.path("custody").get(0))).containsExactly("TS-AGR-M ACTIVE");
    assertThat(licences(lotA.path("custody").get(1))).contains("TS-EXP-ALPHA ACTIVE");
    assertThat(custody(t.path("items").get(4))).containsExactly("BO-ALPHA SPLIT EXPORT");
  }

  @Test
  void traceBackFromSplitPartCarriesEveryOriginOfItsSource() {
    JsonNode t = read("mt-monitor", "/api/trace/back/items/TS-P-1B");
    assertThat(t.path("startKind").asText()).isEqualTo("PARCEL");
    assertThat(field(t.path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-C", "TS-P-1", "TS-P-1B");
    assertThat(edges(t))
        .containsExactlyInAnyOrder(
            "TS-LOT-A>TS-P-1 12.40 MERGE",
            "TS-LOT-B>TS-P-1 7.60 MERGE",
            "TS-LOT-C>TS-P-1 10.00 MERGE",
            "TS-P-1>TS-P-1B 10.00 SPLIT");
    assertThat(field(t.path("origins"), "lotId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-C");
  }

  @Test
  void lotBoughtInSuspendedZoneShowsThatVerdictAfterTheZoneBecameCompliant() {
    JsonNode t = read("mt-monitor", "/api/trace/back/items/TS-LOT-E");
    assertThat(t.path("startKind").asText()).isEqualTo("LOT");
    JsonNode o = t.path("origins").get(0);
    assertThat(o.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(o.path("zoneOnPurchaseDay").path("decisionRef").asText())
        .isEqualTo("AD temporary suspension");
    assertThat(o.path("zoneCompliantWhenRecorded").asBoolean()).isFalse();
    assertThat(failed(o)).containsExactly("ZONE_NOT_COMPLIANT");
    assertThat(o.path("exportable").asBoolean()).isFalse();
    assertThat(t.path("exportable").asBoolean()).isFalse();
  }

  @Test
  void stockpileItemsShowQuarantineAndAuditClearance() {
    JsonNode one = read("mt-monitor", "/api/trace/back/items/TS-STK-1").path("origins").get(0);
    assertThat(one.path("kind").asText()).isEqualTo("STOCKPILE");
    assertThat(one.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("COMPLIANT");
    assertThat(failed(one)).isEmpty();
    JsonNode two = read("mt-monitor", "/api/trace/back/items/TS-STK-2").path("origins").get(0);
    assertThat(two.path("auditClearance").asText()).isEqualTo("AUD-7");
    assertThat(two.path("quarantineReason").asText()).isEqualTo("ACQUIRED_DURING_SUSPENSION");
    assertThat(two.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(failed(two)).isEmpty();
    assertThat(two.path("exportable").asBoolean()).isTrue();
    JsonNode three = read("mt-monitor", "/api/trace/back/items/TS-STK-3").path("origins").get(0);
    assertThat(failed(three)).containsExactly("UNDOCUMENTED_ORIGIN", "STOCKPILE_QUARANTINED");
  }

  static List<String> edges(JsonNode t) {
    List<String> out = new ArrayList<>();
    t.path("edges")
        .forEach(
            e ->
                out.add(
                    e.path("fromItem").asText()
                        + ">"
                        + e.path("toItem").asText()
                        + " "
                        + c(e.path("carats"))
                        + " "
                        + e.path("operation").asText()));
    return out;
  }

  static List<String> origins(JsonNode t) {
    List<String> out = new ArrayList<>();
    t.path("origins")
        .forEach(
            o ->
                out.add(
                    String.join(
                        " ",
                        o.path("lotId").asText(),
                        o.path("slipNumber").asText(),
                        o.path("minerId").asText(),
                        o.path("siteId").asText(),
                        o.path("zoneId").asText(),
                        o.path("acquiredOn").asText(),
                        c(o.path("carats")),
                        o.path("buyerParty").asText(),
                        o.path("zoneOnPurchaseDay").path("status").asText()
                            + "/"
                            + o.path("zoneOnPurchaseDay").path("decisionRef").asText(),
                        o.path("patenteOnPurchaseDay").path("status").asText(),
                        o.path("buyerLicenceOnPurchaseDay").path("status").asText(),
                        o.path("priceUsd").isNull() ? "hidden" : c(o.path("priceUsd")),
                        o.path("exportable").asText())));
    return out;
  }

  static List<String> custody(JsonNode item) {
    List<String> out = new ArrayList<>();
    item.path("custody")
        .forEach(
            p ->
                out.add(
                    p.path("holder").asText()
                        + " "
                        + p.path("acquiredBy").asText()
                        + " "
                        + p.path("endedBy").asText()));
    return out;
  }

  static List<String> licences(JsonNode period) {
    List<String> out = new ArrayList<>();
    period
        .path("licencesOnAcquisition")
        .forEach(l -> out.add(l.path("licenceNumber").asText() + " " + l.path("status").asText()));
    return out;
  }

  static List<String> failed(JsonNode origin) {
    List<String> out = new ArrayList<>();
    origin
        .path("checks")
        .forEach(
            c -> {
              if (!c.path("passed").asBoolean()) {
                out.add(c.path("rule").asText());
              }
            });
    return out;
  }

  static List<String> field(JsonNode array, String name) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path(name).asText())
        .toList();
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static String c(JsonNode n) {
    return String.format(java.util.Locale.ROOT, "%.2f", n.asDouble());
  }
}
