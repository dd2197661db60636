package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.c;
import static org.kpledger.api.TraceScenarioTest.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The shipment dossier and the history of an aggregate over the {@link TraceScenario}; then every
 * projection is rebuilt from the event store and every answer must come back the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierAndRebuildTest extends ReadTestBase {
  private CarFixture car;
  private String col;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    col = TraceScenario.collector(TraceScenario.SHARED);
    awaitProjections();
  }

  @Test
  @Order(1)
  void dossierHasGateValuationSignaturesLateEntriesAndRefusedAttempts() {
    JsonNode d = read("mt-monitor", "/api/shipments/TS-SH-1/dossier");
    assertThat(d.path("shipment").path("status").asText()).isEqualTo("EXPORTED");
    assertThat(d.path("certificate").path("certificateNumber").asText()).isEqualTo("CF-TS-0001");
    assertThat(d.path("trace").path("summary").path("origins").asInt()).isEqualTo(3);
    assertThat(d.path("trace").path("failingOrigins")).isEmpty();
    assertThat(d.path("trace").has("origins")).as("the dossier carries no paged lists").isFalse();
    List<String> gate = new ArrayList<>();
    d.path("gate")
        .forEach(
            g ->
                gate.add(
                    g.path("subject").asText()
                        + " "
                        + g.path("rule").asText()
                        + " "
                        + g.path("passed").asBoolean()));
    assertThat(gate)
        .as("the parcels' checks; the origins' only where they fail (here none)")
        .containsExactly(
            "TS-P-1A PARCEL_CONFISCATED true", "TS-P-1A STOCKPILE_QUARANTINED true",
            "TS-P-1A NOT_SEALED true", "TS-P-1A NOT_IN_SHIPMENT true",
            "TS-P-1B PARCEL_CONFISCATED true", "TS-P-1B STOCKPILE_QUARANTINED true",
            "TS-P-1B NOT_SEALED true", "TS-P-1B NOT_IN_SHIPMENT true");
    assertThat(d.path("gatePasses").asBoolean()).isTrue();
    List<String> rules = new ArrayList<>();
    d.path("gateRules")
        .forEach(
            r ->
                rules.add(
                    String.join(
                        " ",
                        r.path("rule").asText(),
                        r.path("checked").asText(),
                        r.path("passed").asText(),
                        r.path("failed").asText())));
    assertThat(rules)
        .as("every rule over every origin and parcel")
        .containsExactly(
            "ZONE_NOT_COMPLIANT 3 3 0",
            "PATENTE_NOT_VALID 3 3 0",
            "PARCEL_CONFISCATED 2 2 0",
            "STOCKPILE_QUARANTINED 2 2 0",
            "NOT_SEALED 2 2 0",
            "NOT_IN_SHIPMENT 2 2 0");
    JsonNode v = d.path("valuation");
    List<String> parcels = new ArrayList<>();
    v.path("parcels")
        .forEach(
            p ->
                parcels.add(
                    p.path("parcelId").asText()
                        + " "
                        + c(p.path("carats"))
                        + " "
                        + c(p.path("valueUsd"))
                        + " "
                        + p.path("priceListVersion").asText()
                        + " "
                        + c(p.path("usdPerCarat"))));
    assertThat(parcels)
        .containsExactly(
            "TS-P-1A 20.00 4000.00 BECDOR-2026-Q3 200.00",
            "TS-P-1B 10.00 2000.00 BECDOR-2026-Q3 200.00");
    assertThat(c(v.path("carats")) + " " + c(v.path("valueUsd")) + " " + c(v.path("usdPerCarat")))
        .isEqualTo("30.00 6000.00 200.00");
    JsonNode steps = lineageSteps("TS-SH-1");
    assertThat(signatures(d, "TS-SH-1")).isEqualTo(signatures(steps, "TS-SH-1"));
    assertThat(signatures(d, "CF-TS-0001")).isEqualTo(signatures(steps, "CF-TS-0001"));
    assertThat(signatures(d, "TS-SH-1"))
        .containsExactly(
            "ShipmentProposedEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER",
            "ShipmentApprovedEvent mt-monitor KP-MT MONITORING_TEAM MONITOR",
            "ShipmentCertifiedEvent kp-certifier CAR-KP KP_AUTHORITY CERTIFYING_OFFICER",
            "ShipmentExportedEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER");
    assertThat(signatures(d, "CF-TS-0001"))
        .containsExactly(
            "CertificateIssuedEvent kp-certifier CAR-KP KP_AUTHORITY CERTIFYING_OFFICER",
            "CertificateUsedForExportEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER",
            "ImportConfirmedEvent be-officer BE-IMPORT IMPORTING_AUTHORITY IMPORT_OFFICER");
    assertThat(signatures(steps, "TS-LOT-A"))
        .containsExactly(
            "LotPurchasedEvent " + col + " COLL-MK COLLECTORS_ASSOCIATION COLLECTOR",
            "TransferOfferedEvent " + col + " COLL-MK COLLECTORS_ASSOCIATION COLLECTOR",
            "TransferAcceptedEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER",
            "ParcelConsumedEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER");
    assertThat(signatures(steps, "TS-P-1A"))
        .containsExactly(
            "ParcelSplitOffEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER",
            "ParcelValuedEvent becdor-valuer CAR-KP KP_AUTHORITY VALUER",
            "ParcelSealedEvent becdor-valuer CAR-KP KP_AUTHORITY VALUER",
            "ParcelAssignedToShipmentEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER",
            "ParcelExportedEvent alpha-buyer BO-ALPHA BUYING_OFFICE BUYER");
    steps.forEach(
        s ->
            assertThat(s.path("envelope").asText())
                .as(s.toString())
                .contains("\"signature\"")
                .contains(s.path("commandId").asText()));
    List<String> late = new ArrayList<>();
    d.path("lateEntries")
        .forEach(l -> late.add(l.path("lotId").asText() + " " + l.path("delayHours").asLong()));
    assertThat(late).containsExactly("TS-LOT-A 480", "TS-LOT-B 432", "TS-LOT-C 360");
    List<String> refused = new ArrayList<>();
    d.path("refusedAttempts")
        .forEach(
            r ->
                refused.add(
                    r.path("commandType").asText()
                        + " "
                        + r.path("actorId").asText()
                        + " "
                        + r.path("organisationId").asText()
                        + " "
                        + r.path("reasonCode").asText()));
    assertThat(refused).containsExactly("OfferTransfer beta-buyer BO-BETA NOT_HOLDER");
  }

  @Test
  @Order(2)
  void theDossierHoldsOnlyTheShipmentsOwnSignedStepsAndPagesTheLineages() {
    JsonNode d = read("mt-monitor", "/api/shipments/TS-SH-1/dossier");
    assertThat(field(d.path("signatures"), "aggregateId"))
        .as("bounded: the shipment's and its certificate's steps only")
        .containsOnly("TS-SH-1", "CF-TS-0001");
    JsonNode lineage = d.path("signedLineage");
    assertThat(lineage.path("path").asText())
        .isEqualTo("/api/shipments/TS-SH-1/dossier/signatures");
    JsonNode first = read("mt-monitor", lineage.path("path").asText() + "?size=2");
    assertThat(first.path("total").asInt()).isEqualTo(lineage.path("aggregates").asInt());
    assertThat(field(first.path("items"), "aggregateId")).containsExactly("TS-SH-1", "CF-TS-0001");
    List<String> aggregates = new ArrayList<>();
    for (int page = 0; page * 2 < first.path("total").asInt(); page++) {
      JsonNode p = read("mt-monitor", lineage.path("path").asText() + "?size=2&page=" + page);
      assertThat(p.path("items").size()).isBetween(1, 2);
      aggregates.addAll(field(p.path("items"), "aggregateId"));
    }
    assertThat(aggregates)
        .doesNotHaveDuplicates()
        .hasSize(lineage.path("aggregates").asInt())
        .contains("TS-LOT-A", "TS-LOT-B", "TS-LOT-C", "TS-P-1A", "TS-P-1B");
    problem(
        get("mt-monitor", "/api/shipments/TS-SH-1/dossier/signatures?size=501"),
        400,
        "PAGE_SIZE_OUT_OF_RANGE",
        "size");
    problem(
        get("mt-monitor", "/api/shipments/TS-NOPE/dossier/signatures"),
        404,
        "UNKNOWN_ID",
        "shipmentId");
    problem(
        get("alpha-buyer", "/api/shipments/TS-SH-1/dossier/signatures"), 403, "NOT_VISIBLE", null);
  }

  @Test
  @Order(2)
  void historyListsEventsInOrderWithSignersAndEnvelopes() {
    JsonNode h = read("alpha-buyer", "/api/history/TS-LOT-A");
    assertThat(h.path("total").asInt()).isEqualTo(4);
    assertThat(field(h.path("items"), "eventType"))
        .containsExactly(
            "LotPurchasedEvent",
            "TransferOfferedEvent",
            "TransferAcceptedEvent",
            "ParcelConsumedEvent");
    assertThat(field(h.path("items"), "actorId"))
        .containsExactly(col, col, "alpha-buyer", "alpha-buyer");
    assertThat(h.path("items").get(0).path("envelope").asText())
        .contains("\"signature\"")
        .contains("RecordPurchase");
    assertThat(c(h.path("items").get(0).path("payload").path("carats"))).isEqualTo("12.40");
    JsonNode one = read("mt-monitor", "/api/history/TS-LOT-A?eventType=TransferAcceptedEvent");
    assertThat(field(one.path("items"), "sequenceNumber")).containsExactly("2");
    JsonNode page = read("mt-monitor", "/api/history/TS-SH-1?size=2&page=1");
    assertThat(field(page.path("items"), "eventType"))
        .containsExactly("ShipmentCertifiedEvent", "ShipmentExportedEvent");
    assertThat(read("alpha-buyer", "/api/history/TS-SH-1").path("total").asInt()).isEqualTo(4);
  }

  @Test
  @Order(3)
  void rebuildingEveryProjectionGivesTheSameAnswers() {
    Map<String, JsonNode> live = answers();
    jdbc.update("UPDATE lineage_item SET carats = 0 WHERE item_id LIKE 'TS-%'");
    jdbc.update("DELETE FROM custody_holding WHERE item_id LIKE 'TS-%'");
    jdbc.update("DELETE FROM registry_zone_decision WHERE zone_id LIKE 'TS-%'");
    jdbc.update("UPDATE certificate SET status = 'VOID' WHERE certificate_number LIKE 'CF-TS-%'");
    jdbc.update("DELETE FROM shipment_origin WHERE shipment_id LIKE 'TS-%'");
    jdbc.update("DELETE FROM zone_history_decision WHERE zone_id LIKE 'TS-%'");
    jdbc.update("DELETE FROM stat_production WHERE zone_id LIKE 'TS-%'");
    assertThat(read("mt-monitor", "/api/shipments?zone=TS-BERBERATI").path("total").asInt())
        .isZero();
    JsonNode before = read("auditor-1", "/api/projections");
    assertThat(field(before, "name"))
        .containsExactly(
            "certificates", "custody", "lineage", "registry", "shipments", "statistics", "zones");
    for (JsonNode p : before) {
      Answer a = postSigned("auditor-1", "/api/projections/" + p.path("name").asText() + "/replay");
      assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    }
    awaitProjections();
    Map<String, JsonNode> rebuilt = answers();
    for (String target : live.keySet()) {
      assertThat(rebuilt.get(target)).as(target).isEqualTo(live.get(target));
    }
  }

  private Map<String, JsonNode> answers() {
    String y = car.today.minusDays(1).toString();
    java.time.YearMonth m0 = java.time.YearMonth.from(car.today);
    java.time.YearMonth m = m0.minusMonths(1);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String target :
        List.of(
            "/api/trace/back/shipments/TS-SH-1",
            "/api/trace/back/certificates/CF-TS-0003",
            "/api/trace/back/items/TS-LOT-E",
            "/api/trace/back/items/TS-STK-2",
            "/api/trace/forward/zones/TS-BERBERATI",
            "/api/trace/forward/zones/TS-BRIA",
            "/api/trace/forward/collectors/" + col,
            "/api/holdings?holder=BO-ALPHA&zone=TS-BERBERATI&asOf=" + y,
            "/api/holdings?holder=" + col + "&asOf=" + y,
            "/api/stockpiles/TS-ST-1/holdings?asOf=" + car.today,
            "/api/certificates/CF-TS-0003",
            "/api/public/certificates/CF-TS-0001",
            "/api/shipments?zone=TS-BERBERATI",
            "/api/shipments/TS-SH-1/dossier",
            "/api/history/TS-P-1A",
            "/api/balance/sites/TS-S-W?from=" + car.today.minusDays(100) + "&to=" + car.today,
            "/api/balance/parties/" + col + "?from=" + car.today.minusDays(30) + "&to=" + y,
            "/api/zones/TS-BRIA/history",
            "/api/zones?size=500",
            "/api/statistics/production?zone=TS-BERBERATI&from=" + m + "&to=" + m0,
            "/api/statistics/offices?size=500&from=" + m + "&to=" + m0,
            "/api/statistics/exports?from=" + m + "&to=" + m0)) {
      JsonNode answer = read("mt-monitor", target);
      if (answer instanceof ObjectNode o) {
        o.remove("gateEvaluatedAt");
      }
      out.put(target, answer);
    }
    return out;
  }

  /** Every signed step of the shipment's lineage, read from its pages (three aggregates a page). */
  private JsonNode lineageSteps(String shipmentId) {
    com.fasterxml.jackson.databind.node.ArrayNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (int page = 0; ; page++) {
      JsonNode p =
          read(
              "mt-monitor",
              "/api/shipments/" + shipmentId + "/dossier/signatures?size=3&page=" + page);
      p.path("items")
          .forEach(
              a -> out.addAll((com.fasterxml.jackson.databind.node.ArrayNode) a.path("steps")));
      if ((page + 1) * 3 >= p.path("total").asInt()) {
        return out;
      }
    }
  }

  /** The steps of {@code aggregate} among a dossier's signatures or a list of steps. */
  private static List<String> signatures(JsonNode dossierOrSteps, String aggregate) {
    List<String> out = new ArrayList<>();
    (dossierOrSteps.isArray() ? dossierOrSteps : dossierOrSteps.path("signatures"))
        .forEach(
            s -> {
              if (s.path("aggregateId").asText().equals(aggregate)) {
                out.add(
                    String.join(
                        " ",
                        s.path("eventType").asText(),
                        s.path("actorId").asText(),
                        s.path("organisationId").asText(),
                        s.path("organisationType").asText(),
                        s.path("role").asText()));
              }
            });
    return out;
  }
}
