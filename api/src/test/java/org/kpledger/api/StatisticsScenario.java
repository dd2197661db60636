package org.kpledger.api;

import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.identity.Role;

/**
 * The hand-built scenario of the zone-history and statistics tests (ids under {@code KS-}), over
 * three months: M0 is the current Bangui month, M1 and M2 the two before it. The buying offices
 * BO-GAMMA and BO-DELTA and the collector {@code col-ks-only} act only here, so their rows are
 * exact even though test classes share one node.
 *
 * <pre>
 * W1 10.00 ct US$1000 M-1 west  BO-GAMMA   M2-10 12:00 Bangui
 * W2  5.50 ct US$ 700 M-2 west  collector  last day of M2 at 23:30 UTC = M1-01 in Bangui
 *                                           -> transferred to BO-GAMMA today
 * W3  4.25 ct US$ 600 M-1 west  BO-GAMMA   M1-20 12:00
 * W4  3.00 ct US$ 450 M-2 west  BO-DELTA   now
 * E1  2.00 ct US$ 300 M-E east  collector  M2-10 12:00 (east suspended since 2013-05-23)
 * E2  1.50 ct US$ 200 M-E east  BO-GAMMA   M1-20 12:00, recorded while east was suspended
 * then east declared COMPLIANT from M1-15 (recorded today: retroactive, so E2 now counts compliant)
 * KS-SH-1 = W1 (valued US$1500) + W2 (US$800): 15.50 ct, US$2300, CF-KS-0001, exported today
 * KS-SH-2 = W3 (US$650): approved, CF-KS-0002 issued today, not exported
 * </pre>
 */
final class StatisticsScenario {
  static final String P = "KS-";
  static final String COLLECTOR = "col-ks-only";
  private static StatisticsScenario shared;

  final CarFixture car;
  final YearMonth m0;
  final YearMonth m1;
  final YearMonth m2;

  private StatisticsScenario(CarFixture car) {
    this.car = car;
    this.m0 = YearMonth.from(car.today);
    this.m1 = m0.minusMonths(1);
    this.m2 = m0.minusMonths(2);
  }

  /** Builds the scenario once per node. */
  static synchronized StatisticsScenario shared(CarFixture.Submitter ledger) {
    if (shared == null) {
      LedgerTestBase.PKI.actor("COLL-MK", COLLECTOR, Role.COLLECTOR);
      shared = new StatisticsScenario(new CarFixture(ledger, P).setUp());
      shared.build(ledger);
    }
    return shared;
  }

  /** The day east became compliant again. */
  java.time.LocalDate eastCompliantFrom() {
    return m1.atDay(15);
  }

  private void build(CarFixture.Submitter ledger) {
    car.licence("AGR-KS", "AGREMENT", COLLECTOR, 400);
    car.licence("EXP-GAMMA", "EXPORT_LICENCE", "BO-GAMMA", 400);
    car.licence("EXP-DELTA", "EXPORT_LICENCE", "BO-DELTA", 400);
    Instant w2 = m2.atEndOfMonth().atTime(23, 30).toInstant(ZoneOffset.UTC);
    buy(ledger, "gamma-buyer", "W1", "M-1", "S-W", "10.00", "1000.00", "EXP-GAMMA", noon(m2, 10));
    buy(ledger, COLLECTOR, "W2", "M-2", "S-W", "5.50", "700.00", "AGR-KS", w2);
    buy(ledger, "gamma-buyer", "W3", "M-1", "S-W", "4.25", "600.00", "EXP-GAMMA", noon(m1, 20));
    buy(ledger, "delta-buyer", "W4", "M-2", "S-W", "3.00", "450.00", "EXP-DELTA", car.now);
    buy(ledger, COLLECTOR, "E1", "M-E", "S-E", "2.00", "300.00", "AGR-KS", noon(m2, 10));
    buy(ledger, "gamma-buyer", "E2", "M-E", "S-E", "1.50", "200.00", "EXP-GAMMA", noon(m1, 20));
    car.decision(car.east(), "COMPLIANT", eastCompliantFrom().toString(), "MT-KS-EAST");
    ledger.ok(
        COLLECTOR,
        "OfferTransfer",
        obj("parcelId", P + "W2", "transferId", P + "TR-W2", "toParty", "BO-GAMMA", "sealId", "B"));
    ledger.ok(
        "gamma-buyer",
        "AcceptTransfer",
        obj("parcelId", P + "W2", "transferId", P + "TR-W2", "receiverLicence", P + "EXP-GAMMA"));
    TraceScenario.valueAndSeal(ledger, P + "W1", "1500.00");
    TraceScenario.valueAndSeal(ledger, P + "W2", "800.00");
    TraceScenario.valueAndSeal(ledger, P + "W3", "650.00");
    TraceScenario.certify(ledger, car, 1, "gamma-buyer", "EXP-GAMMA", P + "W1", P + "W2");
    ledger.ok("gamma-buyer", "ExportShipment", obj("shipmentId", P + "SH-1"));
    TraceScenario.certify(ledger, car, 2, "gamma-buyer", "EXP-GAMMA", P + "W3");
  }

  private Instant noon(YearMonth month, int day) {
    return month.atDay(day).atTime(LocalTime.NOON).atZone(LedgerCalendar.ZONE).toInstant();
  }

  private void buy(
      CarFixture.Submitter ledger,
      String actor,
      String lot,
      String miner,
      String site,
      String carats,
      String usd,
      String licence,
      Instant at) {
    ObjectNode slip = car.purchase(lot, miner, site, carats, licence, 0);
    slip.set("priceUsd", num(usd));
    slip.put("occurredAt", at.toString());
    ledger.ok(actor, "RecordPurchase", slip);
  }
}
