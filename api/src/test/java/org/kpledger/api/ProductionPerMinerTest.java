package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Production is counted per miner and day, through the node: a slip draws only on its own miner's
 * production at the site, declared for its field day or earlier, and once the zone is compliant
 * never on production found while it was not. The fixture's two western miners registered 500 ct
 * each 90 days ago; the eastern miner 100 ct 90 days ago, under the suspension. The east is
 * declared compliant from 10 days ago.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionPerMinerTest extends ReadTestBase {
  private static final String P = "PPM-";
  private CarFixture car;

  @BeforeAll
  void scenario() {
    car = new CarFixture(this::ok, P).setUp();
    car.decision(car.east(), "COMPLIANT", car.today.minusDays(10).toString(), "MT-PPM-EAST");
  }

  private Answer purchase(String lot, String miner, String site, String carats, int daysAgo) {
    return post(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "RecordPurchase",
            car.purchase(lot, miner, site, carats, "AGR-1", daysAgo)));
  }

  @Test
  void salesExceedProductionWhenASlipDrawsOnAnotherMinersProductionAtTheSite() {
    // the site holds 1,000 ct, but M-1 declared only 500 of them
    problem(purchase("LOT-A1", "M-1", "S-W", "600.00", 3), 422, "SALES_EXCEED_PRODUCTION", null);
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-A2", "M-1", "S-W", "500.00", "AGR-1", 3));
  }

  @Test
  void salesExceedProductionWhenTheProductionIsDeclaredForALaterDayThanTheSlip() {
    problem(purchase("LOT-B1", "M-2", "S-W", "1.00", 100), 422, "SALES_EXCEED_PRODUCTION", null);
  }

  @Test
  void productionFromNonCompliantPeriodCannotBackASlipOnceTheZoneIsCompliant() {
    problem(
        purchase("LOT-C1", "M-E", "S-E", "10.00", 5),
        422,
        "PRODUCTION_FROM_NON_COMPLIANT_PERIOD",
        null);
    // bought while the east was still suspended, the same stones may be drawn on
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-C2", "M-E", "S-E", "10.00", "AGR-1", 20));
    // production found since the east is compliant backs a slip of today
    ok(
        "kp-registrar",
        "RecordProduction",
        obj(
            "siteId",
            P + "S-E",
            "entryId",
            P + "PR-M-E-RECENT",
            "minerId",
            P + "M-E",
            "carats",
            num("4.00"),
            "stoneCount",
            9,
            "occurredAt",
            car.now.minus(Duration.ofDays(7)).toString()));
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-C3", "M-E", "S-E", "4.00", "AGR-1", 0));
    JsonNode refused =
        problem(
            purchase("LOT-C4", "M-E", "S-E", "0.01", 0),
            422,
            "PRODUCTION_FROM_NON_COMPLIANT_PERIOD",
            null);
    assertThat(refused.path("detail").asText()).contains(P + "M-E");
  }
}
