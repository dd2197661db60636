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
    assertThat(field(t.path("items").path("items"), "itemId"))
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
    JsonNode lotA = t.path("items").path("items").get(0);
    assertThat(custody(lotA))
        .containsExactly(col + " PURCHASE TRANSFER", "BO-ALPHA TRANSFER MERGE");
    assertThat(licences(lotA.path("custody").get(0))).containsExactly("TS-AGR-M ACTIVE");
    assertThat(licences(lotA.path("custody").get(1))).contains("TS-EXP-ALPHA ACTIVE");
    assertThat(custody(t.path("items").path("items").get(4)))
        .containsExactly("BO-ALPHA SPLIT EXPORT");
  }

  @Test
  void summaryCountsEveryOriginPerZoneSiteAndMinerWithItsVerdict() {
    JsonNode s = read("mt-monitor", "/api/trace/back/shipments/TS-SH-1").path("summary");
    assertThat(s.path("origins").asInt()).isEqualTo(3);
    assertThat(s.path("slips").asInt()).isEqualTo(3);
    assertThat(s.path("lineageItems").asInt()).isEqualTo(6);
    assertThat(c(s.path("carats"))).isEqualTo("30.00");
    assertThat(s.path("verdict").asText()).isEqualTo("COMPLIANT");
    assertThat(tallies(s.path("verdicts"))).containsExactly("COMPLIANT 3 30.00");
    assertThat(groups(s.path("zones"))).containsExactly("TS-BERBERATI 3 30.00 COMPLIANT 3 30.00");
    assertThat(groups(s.path("sites"))).containsExactly("TS-S-W 3 30.00 COMPLIANT 3 30.00");
    assertThat(groups(s.path("miners")))
        .containsExactly("TS-M-1 2 22.40 COMPLIANT 2 22.40", "TS-M-2 1 7.60 COMPLIANT 1 7.60");
  }

  @Test
  void failingOriginsAreListedWholeAndCountedUnderTheirGravestVerdict() {
    JsonNode e = read("mt-monitor", "/api/trace/back/items/TS-LOT-E");
    assertThat(field(e.path("failingOrigins"), "lotId")).containsExactly("TS-LOT-E");
    assertThat(e.path("summary").path("verdict").asText())
        .isEqualTo("NOT_COMPLIANT_ON_PURCHASE_DAY");
    JsonNode three = read("mt-monitor", "/api/trace/back/items/TS-STK-3");
    assertThat(failed(three.path("failingOrigins").get(0)))
        .containsExactly("UNDOCUMENTED_ORIGIN", "STOCKPILE_QUARANTINED");
    List<String> zones = groups(three.path("summary").path("zones"));
    assertThat(zones).hasSize(1);
    assertThat(zones.get(0)).startsWith("UNDOCUMENTED 1 ").contains(" QUARANTINED 1 ");
    assertThat(read("mt-monitor", "/api/trace/back/shipments/TS-SH-1").path("failingOrigins"))
        .isEmpty();
  }

  @Test
  void originsAndItemsComeOnePageAtATime() {
    JsonNode t = read("mt-monitor", "/api/trace/back/shipments/TS-SH-1?size=2&page=1");
    assertThat(field(t.path("origins").path("items"), "lotId")).containsExactly("TS-LOT-C");
    assertThat(t.path("origins").path("total").asInt()).isEqualTo(3);
    assertThat(field(t.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-C", "TS-P-1");
    assertThat(t.path("items").path("total").asInt()).isEqualTo(6);
    assertThat(t.path("summary").path("origins").asInt()).isEqualTo(3);
    assertThat(c(t.path("caratsByZone").path("TS-BERBERATI"))).isEqualTo("30.00");
    JsonNode whole = read("mt-monitor", "/api/trace/back/shipments/TS-SH-1");
    assertThat(whole.path("origins").path("size").asInt()).isEqualTo(100);
  }

  @Test
  void traceBackFromSplitPartCarriesEveryOriginOfItsSource() {
    JsonNode t = read("mt-monitor", "/api/trace/back/items/TS-P-1B");
    assertThat(t.path("startKind").asText()).isEqualTo("PARCEL");
    assertThat(field(t.path("items").path("items"), "itemId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-C", "TS-P-1", "TS-P-1B");
    assertThat(edges(t))
        .containsExactlyInAnyOrder(
            "TS-LOT-A>TS-P-1 12.40 MERGE",
            "TS-LOT-B>TS-P-1 7.60 MERGE",
            "TS-LOT-C>TS-P-1 10.00 MERGE",
            "TS-P-1>TS-P-1B 10.00 SPLIT");
    assertThat(field(t.path("origins").path("items"), "lotId"))
        .containsExactly("TS-LOT-A", "TS-LOT-B", "TS-LOT-C");
  }

  @Test
  void lotBoughtInSuspendedZoneShowsThatVerdictAfterTheZoneBecameCompliant() {
    JsonNode t = read("mt-monitor", "/api/trace/back/items/TS-LOT-E");
    assertThat(t.path("startKind").asText()).isEqualTo("LOT");
    JsonNode o = t.path("origins").path("items").get(0);
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
    JsonNode one = origin(read("mt-monitor", "/api/trace/back/items/TS-STK-1"));
    assertThat(one.path("kind").asText()).isEqualTo("STOCKPILE");
    assertThat(one.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("COMPLIANT");
    assertThat(failed(one)).isEmpty();
    JsonNode two = origin(read("mt-monitor", "/api/trace/back/items/TS-STK-2"));
    assertThat(two.path("auditClearance").asText()).isEqualTo("AUD-7");
    assertThat(two.path("quarantineReason").asText()).isEqualTo("ACQUIRED_DURING_SUSPENSION");
    assertThat(two.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(failed(two)).isEmpty();
    assertThat(two.path("exportable").asBoolean()).isTrue();
    JsonNode three = origin(read("mt-monitor", "/api/trace/back/items/TS-STK-3"));
    assertThat(failed(three)).containsExactly("UNDOCUMENTED_ORIGIN", "STOCKPILE_QUARANTINED");
  }

  /** The first origin of a trace's first page. */
  static JsonNode origin(JsonNode t) {
    return t.path("origins").path("items").get(0);
  }

  /** The merge and split edges into the items of a trace's page. */
  static List<String> edges(JsonNode t) {
    List<String> out = new ArrayList<>();
    t.path("items")
        .path("items")
        .forEach(
            i ->
                i.path("madeFrom")
                    .forEach(
                        e ->
                            out.add(
                                e.path("fromItem").asText()
                                    + ">"
                                    + e.path("toItem").asText()
                                    + " "
                                    + c(e.path("carats"))
                                    + " "
                                    + e.path("operation").asText())));
    return out;
  }

  static List<String> origins(JsonNode t) {
    List<String> out = new ArrayList<>();
    t.path("origins")
        .path("items")
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

  static List<String> tallies(JsonNode verdicts) {
    List<String> out = new ArrayList<>();
    verdicts
        .fields()
        .forEachRemaining(
            v ->
                out.add(
                    v.getKey()
                        + " "
                        + v.getValue().path("origins").asInt()
                        + " "
                        + c(v.getValue().path("carats"))));
    return out;
  }

  static List<String> groups(JsonNode groups) {
    List<String> out = new ArrayList<>();
    groups.forEach(
        g ->
            out.add(
                g.path("id").asText()
                    + " "
                    + g.path("origins").asInt()
                    + " "
                    + c(g.path("carats"))
                    + " "
                    + String.join(" ", tallies(g.path("verdicts")))));
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
