package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.api.lineage.TracedLineageCache;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trace back served from the judged-lineage cache follows every change of the facts it was judged
 * on: a late zone suspension turns the cached compliant verdict, a later decision turns it back,
 * and purchases elsewhere (which cannot change it) leave it as it was.
 */
class TraceCacheTest extends ReadTestBase {
  private static final String P = "TC-";
  @Autowired private TracedLineageCache judged;

  @Test
  void givenATracedShipmentWhenItsZoneIsDecidedLateThenTheNextTraceShowsTheNewVerdict()
      throws InterruptedException {
    CarFixture car = new CarFixture(this::ok, P).setUp();
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-1", "M-1", "S-W", "4.00", "EXP-ALPHA", 10));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj("parcelId", P + "LOT-1", "valueUsd", num("800.00"), "priceListVersion", "Q3"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", P + "LOT-1", "sealId", "SEAL-1"));
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            P + "SH-1",
            "exporterLicence",
            P + "EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            arr(P + "LOT-1")));
    awaitProjections();
    assertThat(judgedAhead(List.of(P + "LOT-1")))
        .as("the proposed shipment's lineage was judged before anyone traced it")
        .isTrue();
    String trace = "/api/trace/back/shipments/TC-SH-1";
    assertThat(verdict(read("mt-monitor", trace))).isEqualTo("COMPLIANT true");
    assertThat(verdict(read("mt-monitor", trace))).isEqualTo("COMPLIANT true");

    decide(car, "SUSPENDED", 12, "MT-TC-LATE");
    awaitProjections();
    assertThat(judgedAhead(List.of(P + "LOT-1")))
        .as("the shipment awaiting a decision was judged again after the zone decision")
        .isTrue();
    assertThat(verdict(read("mt-monitor", trace))).isEqualTo("NOT_COMPLIANT_ON_PURCHASE_DAY false");
    assertThat(verdict(read("mt-monitor", "/api/shipments/TC-SH-1/dossier").path("trace")))
        .isEqualTo("NOT_COMPLIANT_ON_PURCHASE_DAY false");

    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-2", "M-2", "S-W", "2.00", "AGR-1", 0));
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-3", "M-2", "S-W", "1.00", "AGR-1", 0));
    ok(
        "col-ndoumba",
        "MergeParcels",
        obj(
            "parcelId",
            P + "P-M",
            "sourceParcelIds",
            arr(P + "LOT-2", P + "LOT-3"),
            "carats",
            num("3.00")));
    awaitProjections();
    assertThat(verdict(read("mt-monitor", trace))).isEqualTo("NOT_COMPLIANT_ON_PURCHASE_DAY false");
    assertThat(TraceScenarioTest.edges(read("mt-monitor", "/api/trace/back/items/TC-P-M")))
        .containsExactlyInAnyOrder("TC-LOT-2>TC-P-M 2.00 MERGE", "TC-LOT-3>TC-P-M 1.00 MERGE");

    decide(car, "COMPLIANT", 11, "MT-TC-RESTORED");
    awaitProjections();
    assertThat(verdict(read("mt-monitor", trace))).isEqualTo("COMPLIANT true");
  }

  @Test
  void
      givenATracedQuarantinedStockpileItemWhenItsQuarantineIsClearedThenTheNextTraceShowsTheClearance() {
    // the clearance changes the origin's row (its audit clearance), not only a verdict: the walked
    // rows kept across zone decisions must be read again
    CarFixture car = new CarFixture(this::ok, P + "Q-").setUp();
    ok(
        "alpha-buyer",
        "DeclareStockpile",
        obj(
            "stockpileId",
            P + "Q-ST-1",
            "declaredOn",
            car.today.toString(),
            "location",
            "Bangui vault",
            "items",
            arr(
                obj(
                    "parcelId",
                    P + "Q-STK-1",
                    "carats",
                    num("8.00"),
                    "zoneId",
                    car.west(),
                    "acquiredOn",
                    "2014-06-01",
                    "description",
                    "during suspension"))));
    awaitProjections();
    String trace = "/api/trace/back/items/TC-Q-STK-1";
    JsonNode before = read("mt-monitor", trace).path("origins").path("items").get(0);
    assertThat(before.path("auditClearance").isNull()).isTrue();
    assertThat(before.path("exportable").asBoolean()).isFalse();
    decide(car, "COMPLIANT", 3, "MT-TC-Q");
    awaitProjections();
    assertThat(read("mt-monitor", trace).path("origins").path("items").get(0).path("exportable"))
        .as("a zone decision keeps the walked rows: still quarantined")
        .isEqualTo(before.path("exportable"));
    ok(
        "auditor-1",
        "ClearQuarantine",
        obj(
            "parcelId",
            P + "Q-STK-1",
            "auditReference",
            "AUD-TC",
            "criteria",
            "MT criteria 2016: footprint and purchase records"));
    awaitProjections();
    JsonNode after = read("mt-monitor", trace).path("origins").path("items").get(0);
    assertThat(after.path("auditClearance").asText()).isEqualTo("AUD-TC");
    assertThat(after.path("exportable").asBoolean()).isTrue();
  }

  private boolean judgedAhead(List<String> parcels) throws InterruptedException {
    for (int i = 0; i < 100 && !judged.holds(parcels); i++) {
      Thread.sleep(100);
    }
    return judged.holds(parcels);
  }

  private void decide(CarFixture car, String status, int daysAgo, String ref) {
    ok(
        "mt-monitor",
        "RecordZoneDecision",
        obj(
            "zoneId",
            car.west(),
            "status",
            status,
            "effectiveFrom",
            car.today.minusDays(daysAgo).toString(),
            "decisionRef",
            ref));
  }

  private static String verdict(JsonNode trace) {
    return trace.path("summary").path("verdict").asText() + " " + trace.path("exportable");
  }
}
