package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;
import static org.kpledger.api.TraceScenarioTest.failed;
import static org.kpledger.api.TraceScenarioTest.field;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A lot bought on a day its zone was not compliant keeps that verdict in every trace and dossier it
 * reaches, even after the zone became compliant again. LOT-W was bought in the west 10 days ago and
 * its shipment approved; then the Monitoring Team recorded, late, a suspension of the west from 12
 * days ago, and a new compliance from today. LOT-E was bought in the suspended east; the east is
 * compliant from today; it was merged with a compliant lot and split.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonCompliantZoneTest extends ReadTestBase {
  private static final String P = "NC-";
  private CarFixture car;

  @BeforeAll
  void scenario() {
    car = new CarFixture(this::ok, P).setUp();
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-W", "M-1", "S-W", "4.00", "EXP-ALPHA", 10));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            P + "LOT-W",
            "valueUsd",
            num("800.00"),
            "priceListVersion",
            "BECDOR-2026-Q3"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", P + "LOT-W", "sealId", "SEAL-W"));
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            P + "SH-W",
            "exporterLicence",
            P + "EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            arr(P + "LOT-W")));
    ok("mt-monitor", "ApproveShipment", obj("shipmentId", P + "SH-W", "decisionRef", "MT-NC-1"));
    decide(car.west(), "SUSPENDED", car.today.minusDays(12).toString(), "MT-LATE-SUSPENSION");
    decide(car.west(), "COMPLIANT", car.today.toString(), "MT-WEST-AGAIN");
    decide(car.east(), "COMPLIANT", car.today.toString(), "MT-EAST-LATER");
    refuse(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            "CF-NC-0001",
            "shipmentId",
            P + "SH-W",
            "issuedOn",
            car.today.toString(),
            "expiresOn",
            car.today.plusDays(30).toString(),
            "hsCode",
            "7102.31"));
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-E", "M-E", "S-E", "3.00", "AGR-1", 5));
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-W2", "M-2", "S-W", "2.00", "AGR-1", 0));
    ok(
        "col-ndoumba",
        "MergeParcels",
        obj(
            "parcelId",
            P + "P-M",
            "sourceParcelIds",
            arr(P + "LOT-E", P + "LOT-W2"),
            "carats",
            num("5.00")));
    ok(
        "col-ndoumba",
        "SplitParcel",
        obj(
            "parcelId",
            P + "P-M",
            "parts",
            arr(
                obj("parcelId", P + "P-M1", "carats", num("1.00")),
                obj("parcelId", P + "P-M2", "carats", num("4.00")))));
    awaitProjections();
  }

  private void decide(String zone, String status, String from, String ref) {
    ok(
        "mt-monitor",
        "RecordZoneDecision",
        obj("zoneId", zone, "status", status, "effectiveFrom", from, "decisionRef", ref));
  }

  @Test
  void traceBackOfTheShipmentShowsTheLateSuspension() {
    JsonNode t = read("mt-monitor", "/api/trace/back/shipments/NC-SH-W");
    JsonNode o = TraceScenarioTest.origin(t);
    assertThat(o.path("lotId").asText()).isEqualTo("NC-LOT-W");
    assertThat(t.path("failingOrigins")).containsExactly(o);
    assertThat(t.path("summary").path("verdict").asText())
        .isEqualTo("NOT_COMPLIANT_ON_PURCHASE_DAY");
    assertThat(o.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(o.path("zoneOnPurchaseDay").path("decisionRef").asText())
        .isEqualTo("MT-LATE-SUSPENSION");
    assertThat(o.path("zoneCompliantWhenRecorded").asBoolean()).isTrue();
    assertThat(failed(o)).containsExactly("ZONE_NOT_COMPLIANT");
  }

  @Test
  void dossierShowsTheFailedGateAndTheRefusedCertificate() {
    JsonNode d = read("mt-monitor", "/api/shipments/NC-SH-W/dossier");
    assertThat(d.path("shipment").path("status").asText()).isEqualTo("APPROVED");
    assertThat(d.path("gatePasses").asBoolean()).isFalse();
    JsonNode zone = d.path("gate").get(0);
    assertThat(
            zone.path("subject").asText()
                + " "
                + zone.path("rule").asText()
                + " "
                + zone.path("passed").asBoolean())
        .isEqualTo("NC-LOT-W ZONE_NOT_COMPLIANT false");
    assertThat(d.path("trace").path("exportable").asBoolean()).isFalse();
    JsonNode refused = d.path("refusedAttempts").get(0);
    assertThat(refused.path("commandType").asText()).isEqualTo("IssueCertificate");
    assertThat(refused.path("reasonCode").asText()).isEqualTo("ZONE_NOT_COMPLIANT");
    assertThat(d.path("refusedAttempts")).hasSize(1);
  }

  @Test
  void traceForwardFromTheZoneAndTheLotCarryTheVerdict() {
    JsonNode zone = read("mt-monitor", "/api/trace/forward/zones/NC-BERBERATI");
    assertThat(field(zone.path("failingOrigins"), "lotId")).containsExactly("NC-LOT-W");
    assertThat(zone.path("failingOrigins").get(0).path("zoneOnPurchaseDay").path("status").asText())
        .isEqualTo("SUSPENDED");
    JsonNode lot = read("alpha-buyer", "/api/trace/forward/lots/NC-LOT-W");
    assertThat(lot.path("items").path("items").get(0).path("exportable").asBoolean()).isFalse();
    assertThat(field(lot.path("shipments"), "shipmentId")).containsExactly("NC-SH-W");
  }

  @Test
  void mixedParcelsCarryTheEastLotsVerdictThroughMergeAndSplit() {
    JsonNode back = read("mt-monitor", "/api/trace/back/items/NC-P-M1");
    assertThat(TraceScenarioTest.edges(back))
        .containsExactlyInAnyOrder(
            "NC-LOT-E>NC-P-M 3.00 MERGE",
            "NC-LOT-W2>NC-P-M 2.00 MERGE",
            "NC-P-M>NC-P-M1 1.00 SPLIT");
    JsonNode origins = back.path("origins").path("items");
    assertThat(field(origins, "zoneOnPurchaseDay")).hasSize(2);
    JsonNode east = origins.get(0);
    assertThat(east.path("lotId").asText()).isEqualTo("NC-LOT-E");
    assertThat(east.path("zoneOnPurchaseDay").path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(origins.get(1).path("zoneOnPurchaseDay").path("status").asText())
        .isEqualTo("COMPLIANT");
    assertThat(back.path("exportable").asBoolean()).isFalse();
    JsonNode forward = read("mt-monitor", "/api/trace/forward/lots/NC-LOT-E");
    assertThat(field(forward.path("items").path("items"), "itemId"))
        .containsExactly("NC-LOT-E", "NC-P-M", "NC-P-M1", "NC-P-M2");
    forward
        .path("items")
        .path("items")
        .forEach(
            i -> {
              assertThat(i.path("exportable").asBoolean()).as(i.toString()).isFalse();
              assertThat(TraceScenarioTest.texts(i.path("failingOrigins")))
                  .containsExactly("NC-LOT-E");
            });
  }
}
