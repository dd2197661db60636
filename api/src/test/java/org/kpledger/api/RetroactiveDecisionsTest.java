package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.obj;
import static org.kpledger.api.TraceScenarioTest.field;
import static org.kpledger.api.TraceScenarioTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Knowledge in two times through the node (issue #15): a shipment certified while its Berberati lot
 * passed the gate keeps that verdict when the Monitoring Team later records a suspension of
 * Berberati effective from before the lot was bought; the dossier, the trace and {@code GET
 * /api/re-evaluations} show the verdict as known then and as known now, and name the decision.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetroactiveDecisionsTest extends ReadTestBase {
  private static final String P = "RV-";
  private static final String RETRO = "MT-RV-RETRO-SUSPENSION";

  private CarFixture car;
  private Instant beforeRetro;

  @BeforeAll
  void scenario() {
    car = new CarFixture(this::ok, P).setUp();
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-A", "M-1", "S-W", "5.00", "EXP-ALPHA", 10));
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-B", "M-2", "S-W", "3.00", "EXP-ALPHA", 3));
    TraceScenario.valueAndSeal(this::ok, P + "LOT-A", "900.00");
    TraceScenario.certify(this::ok, car, 1, "alpha-buyer", "EXP-ALPHA", P + "LOT-A");
    beforeRetro = Instant.now();
    // recorded now, effective from before LOT-A was bought: the past rewritten on paper
    car.decision(car.west(), "SUSPENDED", car.today.minusDays(12).toString(), RETRO);
    car.decision(car.west(), "COMPLIANT", car.today.minusDays(8).toString(), "MT-RV-CLEARED");
    awaitProjections();
  }

  @Test
  void theDossierKeepsTheVerdictAsKnownAtCertificationAndNamesTheRetroactiveDecision() {
    JsonNode d = read("mt-monitor", "/api/shipments/RV-SH-1/dossier");
    assertThat(d.path("gatePasses").asBoolean()).isFalse();
    assertThat(d.path("gatePassedAsKnownThen").asBoolean()).isTrue();
    assertThat(d.path("gateKnownThen").path("step").asText()).isEqualTo("CERTIFIED");
    Instant then = Instant.parse(d.path("gateKnownThen").path("recordedAt").asText());
    assertThat(then).isBefore(beforeRetro.plusSeconds(1));
    assertThat(field(d.path("gateAsKnownThen"), "passed"))
        .as("bounded: only failed checks of origins")
        .doesNotContain("false");
    JsonNode zoneNow = d.path("gateRules").get(0);
    JsonNode zoneThen = d.path("gateRulesAsKnownThen").get(0);
    assertThat(zoneNow.path("rule").asText() + " " + zoneNow.path("failed").asInt())
        .isEqualTo("ZONE_NOT_COMPLIANT 1");
    assertThat(zoneThen.path("rule").asText() + " " + zoneThen.path("passed").asInt())
        .isEqualTo("ZONE_NOT_COMPLIANT 1");
    assertThat(field(d.path("gate"), "subject"))
        .as("the failed check is kept")
        .contains("RV-LOT-A");
    JsonNode r = d.path("reevaluations").get(0);
    assertThat(d.path("reevaluations").size()).isEqualTo(1);
    assertThat(r.path("subject").asText()).isEqualTo("RV-LOT-A");
    assertThat(texts(r.path("changedRules"))).containsExactly("ZONE_NOT_COMPLIANT");
    JsonNode cause = r.path("causes").get(0);
    assertThat(cause.path("kind").asText()).isEqualTo("ZONE_DECISION");
    assertThat(cause.path("aggregateId").asText()).isEqualTo("RV-BERBERATI");
    assertThat(cause.path("reference").asText()).isEqualTo(RETRO);
    assertThat(cause.path("status").asText()).isEqualTo("SUSPENDED");
    assertThat(cause.path("effectiveFrom").asText()).isEqualTo(car.today.minusDays(12).toString());
    assertThat(Instant.parse(cause.path("recordedAt").asText())).isAfter(then);
    // what outside clients already read is still there
    assertThat(d.path("shipment").path("shipmentId").asText()).isEqualTo("RV-SH-1");
    assertThat(d.path("gate").isArray()).isTrue();
  }

  @Test
  void theTraceShowsEachOriginAsKnownThenAndAsKnownNow() {
    JsonNode t = read("mt-monitor", "/api/trace/back/shipments/RV-SH-1");
    assertThat(t.path("knownThen").path("step").asText()).isEqualTo("CERTIFIED");
    JsonNode o = t.path("origins").path("items").get(0);
    assertThat(o.path("lotId").asText()).isEqualTo("RV-LOT-A");
    assertThat(o.path("asKnownThen").path("exportable").asBoolean()).isTrue();
    assertThat(o.path("asKnownThen").path("knownBy").asText()).isEqualTo("CERTIFIED");
    assertThat(o.path("asKnownNow").path("exportable").asBoolean()).isFalse();
    assertThat(o.path("exportable").asBoolean()).isFalse();
    assertThat(o.path("reevaluation").path("causes").get(0).path("reference").asText())
        .isEqualTo(RETRO);
    assertThat(field(t.path("reevaluatedOrigins"), "lotId")).containsExactly("RV-LOT-A");
  }

  @Test
  void aLotBoughtOutsideTheRetroactivePeriodIsNotReevaluated() {
    JsonNode t = read("mt-monitor", "/api/trace/back/items/RV-LOT-B");
    JsonNode o = t.path("origins").path("items").get(0);
    assertThat(o.path("asKnownThen").path("knownBy").asText()).isEqualTo("PURCHASED");
    assertThat(o.path("asKnownThen").path("exportable").asBoolean()).isTrue();
    assertThat(o.path("asKnownNow").path("exportable").asBoolean()).isTrue();
    assertThat(o.path("reevaluation").isNull()).isTrue();
    assertThat(t.path("reevaluatedOrigins").size()).isZero();
  }

  @Test
  void theReevaluationListNamesTheShipmentsAndPurchasesWhoseVerdictChangedAfterTheFact() {
    JsonNode all = read("mt-monitor", "/api/re-evaluations?zone=RV-BERBERATI");
    assertThat(all.path("total").asInt()).isEqualTo(2);
    assertThat(field(all.path("items"), "kind")).containsExactlyInAnyOrder("SHIPMENT", "PURCHASE");
    assertThat(field(all.path("items"), "lotId")).containsOnly("RV-LOT-A");
    JsonNode shipment = read("mt-monitor", "/api/re-evaluations?shipment=RV-SH-1");
    assertThat(shipment.path("total").asInt()).isEqualTo(1);
    JsonNode s = shipment.path("items").get(0);
    assertThat(s.path("kind").asText()).isEqualTo("SHIPMENT");
    assertThat(s.path("exporter").asText()).isEqualTo("BO-ALPHA");
    assertThat(s.path("knownThen").path("step").asText()).isEqualTo("CERTIFIED");
    assertThat(s.path("exportableAsKnownThen").asBoolean()).isTrue();
    assertThat(s.path("exportableAsKnownNow").asBoolean()).isFalse();
    assertThat(s.path("reevaluation").path("causes").get(0).path("reference").asText())
        .isEqualTo(RETRO);
    String days = "&from=" + car.today.minusDays(1) + "&to=" + car.today.plusDays(1);
    assertThat(
            read("mt-monitor", "/api/re-evaluations?zone=RV-BERBERATI" + days)
                .path("total")
                .asInt())
        .isEqualTo(2);
    assertThat(
            read(
                    "mt-monitor",
                    "/api/re-evaluations?zone=RV-BERBERATI&from=" + car.today.plusDays(2))
                .path("total")
                .asInt())
        .isZero();
    problem(
        get("mt-monitor", "/api/re-evaluations?from=2026-02-02&to=2026-02-01"),
        400,
        "INVALID_PARAMETER",
        "to");
  }

  @Test
  void anOrganisationReadsOnlyTheReevaluationsOfItsOwnShipmentsAndPurchases() {
    JsonNode own = read("alpha-buyer", "/api/re-evaluations?zone=RV-BERBERATI");
    assertThat(own.path("total").asInt()).isEqualTo(2);
    assertThat(read("beta-buyer", "/api/re-evaluations?zone=RV-BERBERATI").path("total").asInt())
        .isZero();
  }

  @Test
  void aCommandRecordedAfterTheRetroactiveDecisionIsJudgedWithIt() {
    refuse("alpha-buyer", "ExportShipment", obj("shipmentId", P + "SH-1"));
  }
}
