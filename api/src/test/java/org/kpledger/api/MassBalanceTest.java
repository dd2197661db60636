package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;
import static org.kpledger.api.TraceScenarioTest.c;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.identity.Role;

/**
 * Mass balances with the answers written out: a collector of this class bought LOT-1 (10.00 ct, 5
 * days ago) and LOT-2 (6.00 ct, 3 days ago) at MB-S-W, re-weighed LOT-2 at 5.98 ct today and sold
 * LOT-1 to BO-BETA today. The site registered 1,000 ct of production 90 days ago.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MassBalanceTest extends ReadTestBase {
  private static final String P = "MB-";
  private static final String COL = "col-mb-only";
  private CarFixture car;

  @BeforeAll
  void scenario() {
    PKI.actor("COLL-MK", COL, Role.COLLECTOR);
    car = new CarFixture(this::ok, P).setUp();
    car.licence("AGR-MB", "AGREMENT", COL, 400);
    ok(COL, "RecordPurchase", car.purchase("LOT-1", "M-1", "S-W", "10.00", "AGR-MB", 5));
    ok(COL, "RecordPurchase", car.purchase("LOT-2", "M-2", "S-W", "6.00", "AGR-MB", 3));
    ok(
        COL,
        "RecordWeighingDifference",
        obj(
            "parcelId",
            P + "LOT-2",
            "measuredCarats",
            num("5.98"),
            "reason",
            "re-weighed on a calibrated scale"));
    ok(
        COL,
        "OfferTransfer",
        obj(
            "parcelId",
            P + "LOT-1",
            "transferId",
            P + "TR-1",
            "toParty",
            "BO-BETA",
            "sealId",
            "BAG-1"));
    ok(
        "beta-buyer",
        "AcceptTransfer",
        obj("parcelId", P + "LOT-1", "transferId", P + "TR-1", "receiverLicence", P + "EXP-BETA"));
    awaitProjections();
  }

  @Test
  void collectorBalanceClosesOverEveryPeriod() {
    assertThat(balance(car.today.minusDays(7), car.today))
        .isEqualTo("0.00 {PURCHASE=16.00} {TRANSFER=10.00} -0.02 5.98 0.00");
    assertThat(balance(car.today.minusDays(7), car.today.minusDays(1)))
        .isEqualTo("0.00 {PURCHASE=16.00} {} 0.00 16.00 0.00");
    assertThat(balance(car.today, car.today))
        .isEqualTo("16.00 {} {TRANSFER=10.00} -0.02 5.98 0.00");
  }

  @Test
  void holdingsAsOfADayShowTheMassOfThatDay() {
    JsonNode yesterday =
        read(COL, "/api/holdings?holder=" + COL + "&asOf=" + car.today.minusDays(1));
    assertThat(c(yesterday.path("carats"))).isEqualTo("16.00");
    JsonNode today = read(COL, "/api/holdings?holder=" + COL + "&asOf=" + car.today);
    assertThat(c(today.path("carats"))).isEqualTo("5.98");
  }

  @Test
  void siteProductionAgainstPurchases() {
    JsonNode s =
        read(
            "mt-monitor",
            "/api/balance/sites/MB-S-W?from=" + car.today.minusDays(100) + "&to=" + car.today);
    assertThat(
            List.of(
                c(s.path("productionRegistered")),
                c(s.path("purchased")),
                c(s.path("purchasedByBuyer").path(COL)),
                c(s.path("productionToDate")),
                c(s.path("purchasedToDate")),
                c(s.path("productionNotPurchased")),
                c(s.path("unexplainedDifference"))))
        .containsExactly("1000.00", "16.00", "16.00", "1000.00", "16.00", "984.00", "0.00");
    JsonNode recent =
        read(
            "auditor-1",
            "/api/balance/sites/MB-S-W?from=" + car.today.minusDays(4) + "&to=" + car.today);
    assertThat(c(recent.path("productionRegistered")) + " " + c(recent.path("purchased")))
        .isEqualTo("0.00 6.00");
  }

  @Test
  void balancesAreReadOnlyByOverseersOrTheirParty() {
    String period = "?from=" + car.today.minusDays(7) + "&to=" + car.today;
    problem(get("beta-buyer", "/api/balance/parties/" + COL + period), 403, "NOT_VISIBLE", "party");
    problem(get(COL, "/api/balance/sites/MB-S-W" + period), 403, "NOT_VISIBLE", null);
    problem(get("mt-monitor", "/api/balance/sites/MB-NOPE" + period), 404, "UNKNOWN_ID", "siteId");
    problem(
        get(
            "mt-monitor",
            "/api/balance/parties/" + COL + "?from=" + car.today + "&to=" + car.today.minusDays(1)),
        400,
        "INVALID_PERIOD",
        "to");
    problem(
        get("mt-monitor", "/api/balance/parties/" + COL + "?from=soon&to=" + car.today),
        400,
        "INVALID_PARAMETER",
        "from");
  }

  private String balance(java.time.LocalDate from, java.time.LocalDate to) {
    JsonNode b = read(COL, "/api/balance/parties/" + COL + "?from=" + from + "&to=" + to);
    return String.join(
        " ",
        c(b.path("opening")),
        flows(b.path("inflows")),
        flows(b.path("outflows")),
        c(b.path("weighingDifferences")),
        c(b.path("closing")),
        c(b.path("unexplainedDifference")));
  }

  private static String flows(JsonNode map) {
    List<String> out = new ArrayList<>();
    map.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + c(e.getValue())));
    return "{" + String.join(", ", out) + "}";
  }
}
