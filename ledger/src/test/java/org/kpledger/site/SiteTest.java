package org.kpledger.site;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.NOLA_MINER;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.utc;
import static org.kpledger.custody.RuleViolations.violates;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.site.ProductionDrawnEvent.Draw;

/** Sites and their production registers (kp-facts rule 3, register before sale). */
class SiteTest {
  private static final SiteRegisteredEvent KPOKPO =
      new SiteRegisteredEvent(BERBERATI_SITE, "Kpokpo", BERBERATI, null);

  private static final String OTHER_BERBERATI_MINER = "MIN-BBT-0502";

  private AggregateTestFixture<Site> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Site.class);
    fixture.registerInjectableResource(carFacts());
  }

  private static ProductionRecordedEvent produced(String entryId, String carats) {
    return new ProductionRecordedEvent(
        BERBERATI_SITE, entryId, BERBERATI_MINER, ct(carats), 14, utc("2016-07-04T16:00"));
  }

  @Test
  void registersSiteInARegisteredZone() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterSiteCommand(BERBERATI_SITE, "Kpokpo", BERBERATI, null))
        .expectEvents(KPOKPO);
  }

  @Test
  void rejectsSiteInAnUnregisteredZone() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterSiteCommand("NDL-SITE-01", "Ndélé river", "NDELE", null))
        .expectException(violates("UNKNOWN_ZONE"))
        .expectNoEvents();
  }

  @Test
  void recordsProductionOfAMinerRegisteredAtTheSite() {
    fixture
        .given(KPOKPO)
        .when(
            new RecordProductionCommand(
                BERBERATI_SITE,
                "REG-2016-07-001",
                BERBERATI_MINER,
                ct("6.35"),
                14,
                utc("2016-07-04T16:00")))
        .expectEvents(produced("REG-2016-07-001", "6.35"));
  }

  @Test
  void rejectsProductionOfAMinerRegisteredAtAnotherSite() {
    fixture
        .given(KPOKPO)
        .when(
            new RecordProductionCommand(
                BERBERATI_SITE,
                "REG-2016-07-002",
                NOLA_MINER,
                ct("2.10"),
                3,
                utc("2016-07-04T16:00")))
        .expectException(violates("MINER_NOT_AT_SITE"))
        .expectNoEvents();
  }

  @Test
  void rejectsProductionOfAnUnregisteredMiner() {
    fixture
        .given(KPOKPO)
        .when(
            new RecordProductionCommand(
                BERBERATI_SITE,
                "REG-2016-07-003",
                "MIN-UNKNOWN",
                ct("2.10"),
                3,
                utc("2016-07-04T16:00")))
        .expectException(violates("UNKNOWN_MINER"))
        .expectNoEvents();
  }

  @Test
  void rejectsAProductionEntryRecordedTwice() {
    fixture
        .given(KPOKPO, produced("REG-2016-07-001", "6.35"))
        .when(
            new RecordProductionCommand(
                BERBERATI_SITE,
                "REG-2016-07-001",
                BERBERATI_MINER,
                ct("6.35"),
                14,
                utc("2016-07-04T16:00")))
        .expectException(violates("DUPLICATE_PRODUCTION_ENTRY"))
        .expectNoEvents();
  }

  private static ProductionRecordedEvent produced(
      String entryId, String miner, String carats, String when) {
    return new ProductionRecordedEvent(BERBERATI_SITE, entryId, miner, ct(carats), 14, utc(when));
  }

  private static DrawOnProductionCommand purchase(String lotId, String carats, String when) {
    return new DrawOnProductionCommand(
        BERBERATI_SITE, lotId, BERBERATI_MINER, ct(carats), utc(when));
  }

  private static ProductionDrawnEvent drawn(String lotId, String carats, Draw... draws) {
    return new ProductionDrawnEvent(
        BERBERATI_SITE, lotId, ct(carats), BERBERATI_MINER, List.of(draws));
  }

  private static Draw draw(String entryId, String carats) {
    return new Draw(entryId, ct(carats));
  }

  @Test
  void acceptsPurchasesThatDrawExactlyTheMinersRecordedProduction() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            produced("REG-2016-07-009", "3.00"),
            drawn("LOT-BBT-0001", "5.00", draw("REG-2016-07-001", "5.00")))
        .when(purchase("LOT-BBT-0002", "4.35", "2016-07-14T09:30"))
        .expectEvents(
            drawn(
                "LOT-BBT-0002",
                "4.35",
                draw("REG-2016-07-001", "1.35"),
                draw("REG-2016-07-009", "3.00")));
  }

  @Test
  void salesExceedProductionWhenAPurchaseExceedsTheMinersRecordedProduction() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            drawn("LOT-BBT-0001", "5.00", draw("REG-2016-07-001", "5.00")))
        .when(purchase("LOT-BBT-0002", "1.36", "2016-07-14T09:30"))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }

  @Test
  void salesExceedProductionAtASiteWithNoRecordedProduction() {
    fixture
        .given(KPOKPO)
        .when(purchase("LOT-BBT-0001", "0.01", "2016-07-14T09:30"))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }

  @Test
  void salesExceedProductionWhenAPurchaseDrawsOnAnotherMinersProduction() {
    fixture
        .given(
            KPOKPO, produced("REG-2016-07-004", OTHER_BERBERATI_MINER, "50.00", "2016-07-04T16:00"))
        .when(purchase("LOT-BBT-0001", "2.00", "2016-07-14T09:30"))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }

  @Test
  void salesExceedProductionWhenTheProductionIsDeclaredForALaterDayThanThePurchase() {
    fixture
        .given(KPOKPO, produced("REG-2016-07-020", BERBERATI_MINER, "6.00", "2016-07-20T10:00"))
        .when(purchase("LOT-BBT-0001", "2.00", "2016-07-14T09:30"))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }

  @Test
  void productionDeclaredForAnEarlierDayIsCarriedAsStock() {
    fixture
        .given(KPOKPO, produced("REG-2016-06-002", BERBERATI_MINER, "6.00", "2016-06-02T10:00"))
        .when(purchase("LOT-BBT-0001", "2.00", "2016-07-14T09:30"))
        .expectEvents(drawn("LOT-BBT-0001", "2.00", draw("REG-2016-06-002", "2.00")));
  }

  @Test
  void productionDeclaredOnTheBanguiDayOfThePurchaseBacksIt() {
    // 23:30 UTC on 13 July is 00:30 on 14 July in Bangui, the day of the purchase
    fixture
        .given(KPOKPO, produced("REG-2016-07-014", BERBERATI_MINER, "6.00", "2016-07-13T23:30"))
        .when(purchase("LOT-BBT-0001", "2.00", "2016-07-14T09:30"))
        .expectEvents(drawn("LOT-BBT-0001", "2.00", draw("REG-2016-07-014", "2.00")));
  }

  @Test
  void productionFromNonCompliantPeriodCannotBackAPurchaseOnceTheZoneIsCompliant() {
    // found in April 2016 under the suspension; Berberati cleared on 20 May; sold in June
    fixture
        .given(KPOKPO, produced("REG-2016-04-010", BERBERATI_MINER, "40.00", "2016-04-10T10:00"))
        .when(purchase("LOT-BBT-0001", "12.00", "2016-06-01T09:30"))
        .expectException(violates("PRODUCTION_FROM_NON_COMPLIANT_PERIOD"))
        .expectNoEvents();
  }

  @Test
  void productionFromNonCompliantPeriodCannotMakeUpTheShortfallOfCompliantProduction() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-04-010", BERBERATI_MINER, "40.00", "2016-04-10T10:00"),
            produced("REG-2016-05-25", BERBERATI_MINER, "5.00", "2016-05-25T10:00"))
        .when(purchase("LOT-BBT-0001", "6.00", "2016-06-01T09:30"))
        .expectException(violates("PRODUCTION_FROM_NON_COMPLIANT_PERIOD"))
        .expectNoEvents();
  }

  @Test
  void compliantPurchaseDrawsOnlyOnProductionFoundOnCompliantDays() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-04-010", BERBERATI_MINER, "40.00", "2016-04-10T10:00"),
            produced("REG-2016-05-25", BERBERATI_MINER, "5.00", "2016-05-25T10:00"))
        .when(purchase("LOT-BBT-0001", "5.00", "2016-06-01T09:30"))
        .expectEvents(drawn("LOT-BBT-0001", "5.00", draw("REG-2016-05-25", "5.00")));
  }

  @Test
  void productionFromNonCompliantPeriodBacksAPurchaseMadeWhileTheZoneIsNotCompliant() {
    // the lot itself is then of a non-compliant day, which the export gate refuses
    fixture
        .given(KPOKPO, produced("REG-2016-04-010", BERBERATI_MINER, "40.00", "2016-04-10T10:00"))
        .when(purchase("LOT-BBT-0001", "12.00", "2016-05-02T09:30"))
        .expectEvents(drawn("LOT-BBT-0001", "12.00", draw("REG-2016-04-010", "12.00")));
  }

  @Test
  void aPurchaseDrawsOnTheLatestProductionFirstSoAnEarlierSlipArrivingLaterFindsItsOwn() {
    // the July slip arrives first; the June slip, recorded after it, still finds June production
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-06-002", BERBERATI_MINER, "6.00", "2016-06-02T10:00"),
            produced("REG-2016-07-002", BERBERATI_MINER, "6.00", "2016-07-02T10:00"),
            drawn("LOT-BBT-0002", "6.00", draw("REG-2016-07-002", "6.00")))
        .when(purchase("LOT-BBT-0001", "6.00", "2016-06-20T09:30"))
        .expectEvents(drawn("LOT-BBT-0001", "6.00", draw("REG-2016-06-002", "6.00")));
  }

  @Test
  void aPurchaseDrawsOnTheLatestProductionDeclaredForItsDayOrEarlier() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-06-002", BERBERATI_MINER, "6.00", "2016-06-02T10:00"),
            produced("REG-2016-07-002", BERBERATI_MINER, "6.00", "2016-07-02T10:00"))
        .when(purchase("LOT-BBT-0002", "8.00", "2016-07-14T09:30"))
        .expectEvents(
            drawn(
                "LOT-BBT-0002",
                "8.00",
                draw("REG-2016-07-002", "6.00"),
                draw("REG-2016-06-002", "2.00")));
  }

  @Test
  void aRevisionOneDrawCountsAgainstTheSitesEntriesInTheOrderRecorded() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            produced("REG-2016-07-009", "3.00"),
            new ProductionDrawnEvent(BERBERATI_SITE, "LOT-BBT-0001", ct("7.00"), null, null))
        .when(purchase("LOT-BBT-0002", "2.36", "2016-07-14T09:30"))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            produced("REG-2016-07-009", "3.00"),
            new ProductionDrawnEvent(BERBERATI_SITE, "LOT-BBT-0001", ct("7.00"), null, null))
        .when(purchase("LOT-BBT-0002", "2.35", "2016-07-14T09:30"))
        .expectEvents(drawn("LOT-BBT-0002", "2.35", draw("REG-2016-07-009", "2.35")));
  }
}
