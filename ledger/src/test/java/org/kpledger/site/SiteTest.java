package org.kpledger.site;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.NOLA_MINER;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.utc;
import static org.kpledger.custody.RuleViolations.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sites and their production registers (kp-facts rule 3, register before sale). */
class SiteTest {
  private static final SiteRegisteredEvent KPOKPO =
      new SiteRegisteredEvent(BERBERATI_SITE, "Kpokpo", BERBERATI, null);

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

  @Test
  void acceptsPurchasesThatDrawExactlyTheRecordedProduction() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            produced("REG-2016-07-009", "3.00"),
            new ProductionDrawnEvent(BERBERATI_SITE, "LOT-BBT-0001", ct("5.00")))
        .when(new DrawOnProductionCommand(BERBERATI_SITE, "LOT-BBT-0002", ct("4.35")))
        .expectEvents(new ProductionDrawnEvent(BERBERATI_SITE, "LOT-BBT-0002", ct("4.35")));
  }

  @Test
  void rejectsPurchaseThatExceedsRecordedProduction() {
    fixture
        .given(
            KPOKPO,
            produced("REG-2016-07-001", "6.35"),
            new ProductionDrawnEvent(BERBERATI_SITE, "LOT-BBT-0001", ct("5.00")))
        .when(new DrawOnProductionCommand(BERBERATI_SITE, "LOT-BBT-0002", ct("1.36")))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }

  @Test
  void rejectsPurchaseAtASiteWithNoRecordedProduction() {
    fixture
        .given(KPOKPO)
        .when(new DrawOnProductionCommand(BERBERATI_SITE, "LOT-BBT-0001", ct("0.01")))
        .expectException(violates("SALES_EXCEED_PRODUCTION"))
        .expectNoEvents();
  }
}
