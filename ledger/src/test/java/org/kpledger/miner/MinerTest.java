package org.kpledger.miner;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.COLLECTOR_AGREMENT;
import static org.kpledger.custody.CarWorld.NOLA_PATENTE;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.site.GeoPoint;

/** Registration of artisanal miners under their own patente at a registered site. */
class MinerTest {
  /** A new miner of Berberati whose 2016 patente the KP authority has just issued. */
  private static final String MINER = "MIN-BBT-0502";

  private static final String PATENTE = "PAT/BBT/2016/0502";
  private static final String PATENTE_2017 = "PAT/BBT/2017/0502";
  private static final GeoPoint GPS =
      new GeoPoint(new BigDecimal("4.2612"), new BigDecimal("15.7921"));

  private AggregateTestFixture<Miner> fixture;

  @BeforeEach
  void setUp() {
    InMemoryCustodyFacts facts =
        carFacts()
            .withLicence(PATENTE, "PATENTE", MINER, day("2016-03-01"), day("2017-02-28"))
            .withLicence(PATENTE_2017, "PATENTE", MINER, day("2017-03-01"), day("2018-02-28"));
    fixture = new AggregateTestFixture<>(Miner.class);
    fixture.registerInjectableResource(facts);
  }

  private static RegisterMinerCommand register(String patente, String siteId) {
    return new RegisterMinerCommand(
        MINER, "Jean-Pierre Ndakala", "CNI-0451-2009", patente, siteId, GPS);
  }

  @Test
  void registersMinerUnderOwnPatenteAtRegisteredSiteInTheSitesZone() {
    fixture
        .givenNoPriorActivity()
        .when(register(PATENTE, BERBERATI_SITE))
        .expectEvents(
            new MinerRegisteredEvent(
                MINER,
                "Jean-Pierre Ndakala",
                "CNI-0451-2009",
                PATENTE,
                BERBERATI_SITE,
                BERBERATI,
                GPS));
  }

  @Test
  void rejectsRegistrationUnderAPatenteNeverIssued() {
    fixture
        .givenNoPriorActivity()
        .when(register("PAT/BBT/2016/9999", BERBERATI_SITE))
        .expectException(violates("UNKNOWN_LICENCE"))
        .expectNoEvents();
  }

  @Test
  void rejectsRegistrationUnderAnotherMinersPatente() {
    fixture
        .givenNoPriorActivity()
        .when(register(NOLA_PATENTE, BERBERATI_SITE))
        .expectException(violates("LICENCE_NOT_HELD"))
        .expectNoEvents();
  }

  @Test
  void rejectsRegistrationUnderALicenceThatIsNotAPatente() {
    RegisterMinerCommand underAgrement =
        new RegisterMinerCommand(
            COLLECTOR.party(),
            "Collector as miner",
            "CNI-0001",
            COLLECTOR_AGREMENT,
            BERBERATI_SITE,
            null);

    fixture
        .givenNoPriorActivity()
        .when(underAgrement)
        .expectException(violates("LICENCE_NOT_HELD"))
        .expectNoEvents();
  }

  @Test
  void rejectsRegistrationAtAnUnregisteredSite() {
    fixture
        .givenNoPriorActivity()
        .when(register(PATENTE, "BBT-SITE-UNKNOWN"))
        .expectException(violates("UNKNOWN_SITE"))
        .expectNoEvents();
  }

  private MinerRegisteredEvent registered() {
    return new MinerRegisteredEvent(
        MINER, "Jean-Pierre Ndakala", "CNI-0451-2009", PATENTE, BERBERATI_SITE, BERBERATI, GPS);
  }

  @Test
  void acceptsRenewalUnderTheMinersNewPatente() {
    fixture
        .given(registered())
        .when(new RenewPatenteCommand(MINER, PATENTE_2017))
        .expectEvents(new PatenteRenewedEvent(MINER, PATENTE, PATENTE_2017));
  }

  @Test
  void rejectsRenewalUnderAnotherMinersPatente() {
    fixture
        .given(registered())
        .when(new RenewPatenteCommand(MINER, NOLA_PATENTE))
        .expectException(violates("LICENCE_NOT_HELD"))
        .expectNoEvents();
  }

  @Test
  void rejectsRenewalUnderThePatenteAlreadyHeld() {
    fixture
        .given(registered())
        .when(new RenewPatenteCommand(MINER, PATENTE))
        .expectException(violates("PATENTE_UNCHANGED"))
        .expectNoEvents();
  }
}
