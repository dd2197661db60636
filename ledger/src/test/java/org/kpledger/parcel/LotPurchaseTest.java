package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_PATENTE;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BRIA_MINER;
import static org.kpledger.custody.CarWorld.BRIA_PATENTE;
import static org.kpledger.custody.CarWorld.BRIA_SITE;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.COLLECTOR_AGREMENT;
import static org.kpledger.custody.CarWorld.NOLA;
import static org.kpledger.custody.CarWorld.NOLA_MINER;
import static org.kpledger.custody.CarWorld.NOLA_PATENTE;
import static org.kpledger.custody.CarWorld.NOLA_SITE;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.CarWorld.utc;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.LOT;

import java.time.Instant;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.Actor;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.custody.LedgerMetaData;

/** The purchase-slip rules of {@link LotRules} (kp-facts rule 1, licence at event time). */
class LotPurchaseTest {
  private InMemoryCustodyFacts facts;
  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    facts = carFacts();
    fixture = new AggregateTestFixture<>(Parcel.class);
    fixture.registerInjectableResource(facts);
  }

  /** The metadata of a slip the node records at the moment it happened. */
  private static MetaData recordedAt(Actor buyer, Instant at) {
    return as(buyer).and(LedgerMetaData.RECORDED_AT, at.toString());
  }

  private static CreateLotCommand slip(String miner, String site, String licence, Instant at) {
    return new CreateLotCommand(
        LOT, "BA-2016-0731", miner, site, ct("3.45"), 7, usd("520.00"), licence, at);
  }

  private static LotPurchasedEvent lot(
      String miner,
      String patente,
      String site,
      String zone,
      Actor buyer,
      String licence,
      Instant at,
      boolean compliant) {
    return new LotPurchasedEvent(
        LOT,
        "BA-2016-0731",
        miner,
        patente,
        site,
        zone,
        buyer.party(),
        licence,
        ct("3.45"),
        7,
        usd("520.00"),
        at,
        compliant,
        false);
  }

  @Test
  void acceptsPurchaseFromMinerWithPatenteInForceThatDay() {
    Instant at = utc("2016-07-14T09:30");
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, COLLECTOR_AGREMENT, at),
            recordedAt(COLLECTOR, at))
        .expectEvents(
            lot(
                BERBERATI_MINER,
                BERBERATI_PATENTE,
                BERBERATI_SITE,
                BERBERATI,
                COLLECTOR,
                COLLECTOR_AGREMENT,
                at,
                true));
  }

  @Test
  void rejectsPurchaseWhenPatenteHadExpired() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, utc("2017-01-10T10:00")),
            recordedAt(BUYER, utc("2017-01-10T10:00")))
        .expectException(violates("PATENTE_NOT_VALID"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseWhilePatenteWasSuspended() {
    facts.withLicenceStatus(BERBERATI_PATENTE, day("2016-08-01"), false);

    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, utc("2016-08-10T10:00")),
            recordedAt(BUYER, utc("2016-08-10T10:00")))
        .expectException(violates("PATENTE_NOT_VALID"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseFromUnregisteredMiner() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip("MIN-BBT-UNKNOWN", BERBERATI_SITE, COLLECTOR_AGREMENT, utc("2016-07-14T09:30")),
            recordedAt(COLLECTOR, utc("2016-07-14T09:30")))
        .expectException(violates("UNKNOWN_MINER"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseAtSiteTheMinerIsNotRegisteredAt() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BRIA_MINER, BERBERATI_SITE, COLLECTOR_AGREMENT, utc("2016-07-14T09:30")),
            recordedAt(COLLECTOR, utc("2016-07-14T09:30")))
        .expectException(violates("MINER_NOT_AT_SITE"))
        .expectNoEvents();
  }

  @Test
  void acceptsPurchaseByBuyingOfficeUnderItsExportLicence() {
    Instant at = utc("2016-07-14T09:30");
    fixture
        .givenNoPriorActivity()
        .when(slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, at), recordedAt(BUYER, at))
        .expectEvents(
            lot(
                BERBERATI_MINER,
                BERBERATI_PATENTE,
                BERBERATI_SITE,
                BERBERATI,
                BUYER,
                BUYER_LICENCE,
                at,
                true));
  }

  @Test
  void rejectsPurchaseUnderBuyerLicenceNeverIssued() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, "AGR/2016/999", utc("2016-07-14T09:30")),
            recordedAt(COLLECTOR, utc("2016-07-14T09:30")))
        .expectException(violates("UNKNOWN_LICENCE"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseByCollectorUnderALicenceOfAnotherKind() {
    facts.withLicence(
        "EXP/2016/031", "EXPORT_LICENCE", COLLECTOR.party(), day("2016-01-01"), day("2016-12-31"));

    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, "EXP/2016/031", utc("2016-07-14T09:30")),
            recordedAt(COLLECTOR, utc("2016-07-14T09:30")))
        .expectException(violates("BUYER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseUnderAnotherBuyersLicence() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, utc("2016-07-14T09:30")),
            recordedAt(OTHER_BUYER, utc("2016-07-14T09:30")))
        .expectException(violates("BUYER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseWhenBuyerLicenceWasNotInForceThatDay() {
    facts.withLicenceStatus(COLLECTOR_AGREMENT, day("2016-07-01"), false);

    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, COLLECTOR_AGREMENT, utc("2016-07-14T09:30")),
            recordedAt(COLLECTOR, utc("2016-07-14T09:30")))
        .expectException(violates("BUYER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void recordsPurchaseInZoneNeverDeclaredCompliantAsEvidenceMarkedNonCompliant() {
    Instant at = utc("2016-07-14T09:30");
    fixture
        .givenNoPriorActivity()
        .when(slip(BRIA_MINER, BRIA_SITE, COLLECTOR_AGREMENT, at), recordedAt(COLLECTOR, at))
        .expectEvents(
            lot(
                BRIA_MINER,
                BRIA_PATENTE,
                BRIA_SITE,
                BRIA,
                COLLECTOR,
                COLLECTOR_AGREMENT,
                at,
                false));
  }

  @Test
  void datesPurchaseAt2330UtcOnTheNextDayInBangui() {
    // 23:30 UTC on 18 September 2016 is 00:30 on 19 September in Bangui: Nola is compliant.
    Instant at = utc("2016-09-18T23:30");
    fixture
        .givenNoPriorActivity()
        .when(slip(NOLA_MINER, NOLA_SITE, BUYER_LICENCE, at), recordedAt(BUYER, at))
        .expectEvents(
            lot(NOLA_MINER, NOLA_PATENTE, NOLA_SITE, NOLA, BUYER, BUYER_LICENCE, at, true));
  }

  @Test
  void datesPurchaseAt2259UtcOnTheSameDayInBangui() {
    // 22:59 UTC on 18 September 2016 is 23:59 the same day in Bangui: Nola is not yet compliant.
    Instant at = utc("2016-09-18T22:59");
    fixture
        .givenNoPriorActivity()
        .when(slip(NOLA_MINER, NOLA_SITE, BUYER_LICENCE, at), recordedAt(BUYER, at))
        .expectEvents(
            lot(NOLA_MINER, NOLA_PATENTE, NOLA_SITE, NOLA, BUYER, BUYER_LICENCE, at, false));
  }

  @Test
  void acceptsPurchaseLateOnTheLastBanguiDayOfThePatente() {
    Instant at = utc("2016-12-31T22:30");
    fixture
        .givenNoPriorActivity()
        .when(slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, at), recordedAt(BUYER, at))
        .expectEvents(
            lot(
                BERBERATI_MINER,
                BERBERATI_PATENTE,
                BERBERATI_SITE,
                BERBERATI,
                BUYER,
                BUYER_LICENCE,
                at,
                true));
  }

  @Test
  void rejectsPurchaseAt2330UtcOnTheLastDayOfThePatenteBecauseItIsNewYearInBangui() {
    fixture
        .givenNoPriorActivity()
        .when(
            slip(BERBERATI_MINER, BERBERATI_SITE, BUYER_LICENCE, utc("2016-12-31T23:30")),
            recordedAt(BUYER, utc("2016-12-31T23:30")))
        .expectException(violates("PATENTE_NOT_VALID"))
        .expectNoEvents();
  }

  @Test
  void flagsASlipRecordedMoreThanTwoDaysAfterThePurchaseAsALateEntry() {
    Instant at = utc("2016-07-14T09:30");
    MetaData threeDaysLater =
        as(COLLECTOR).and(LedgerMetaData.RECORDED_AT, utc("2016-07-17T09:30").toString());
    LotPurchasedEvent onTime =
        lot(
            BERBERATI_MINER,
            BERBERATI_PATENTE,
            BERBERATI_SITE,
            BERBERATI,
            COLLECTOR,
            COLLECTOR_AGREMENT,
            at,
            true);

    fixture
        .givenNoPriorActivity()
        .when(slip(BERBERATI_MINER, BERBERATI_SITE, COLLECTOR_AGREMENT, at), threeDaysLater)
        .expectEvents(
            new LotPurchasedEvent(
                onTime.lotId(),
                onTime.slipNumber(),
                onTime.minerId(),
                onTime.patenteNumber(),
                onTime.siteId(),
                onTime.zoneId(),
                onTime.buyerParty(),
                onTime.buyerLicence(),
                onTime.carats(),
                onTime.stoneCount(),
                onTime.priceUsd(),
                onTime.occurredAt(),
                true,
                true));
  }
}
