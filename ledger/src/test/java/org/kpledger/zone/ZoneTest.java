package org.kpledger.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_COMPLIANT;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.NOLA;
import static org.kpledger.custody.CarWorld.SOUTH_WEST_COMPLIANT;
import static org.kpledger.custody.CarWorld.SUSPENSION;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyRuleViolation;

/** Zones and their dated Monitoring Team decisions (kp-facts rule 2). */
class ZoneTest {
  private AggregateTestFixture<Zone> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Zone.class);
  }

  private static ZoneRegisteredEvent berberatiRegistered() {
    return new ZoneRegisteredEvent(BERBERATI, "Berberati", "Mambéré-Kadéï");
  }

  private static ZoneDecisionRecordedEvent decision(
      String zoneId, ZoneStatus status, LocalDate from, String ref) {
    return new ZoneDecisionRecordedEvent(zoneId, status, from, ref);
  }

  @Test
  void registersSubPrefectureAsZone() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterZoneCommand(BERBERATI, "Berberati", "Mambéré-Kadéï"))
        .expectEvents(berberatiRegistered());
  }

  @Test
  void acceptsFirstDecisionOfAZone() {
    fixture
        .given(berberatiRegistered())
        .when(
            new RecordZoneDecisionCommand(
                BERBERATI, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013 temporary suspension"))
        .expectEvents(
            decision(
                BERBERATI, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013 temporary suspension"));
  }

  @Test
  void acceptsZoneDecisionDatedAfterTheLastOne() {
    fixture
        .given(
            berberatiRegistered(),
            decision(BERBERATI, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013"))
        .when(
            new RecordZoneDecisionCommand(
                BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT decision May 2016"))
        .expectEvents(
            decision(BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT decision May 2016"));
  }

  @Test
  void rejectsZoneDecisionDatedBeforeTheLastOne() {
    fixture
        .given(
            berberatiRegistered(),
            decision(BERBERATI, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013"),
            decision(BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT May 2016"))
        .when(
            new RecordZoneDecisionCommand(
                BERBERATI, ZoneStatus.SUSPENDED, day("2016-01-10"), "backdated suspension"))
        .expectException(violates("ZONE_DECISION_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsSecondZoneDecisionTakingEffectOnTheSameDay() {
    fixture
        .given(
            berberatiRegistered(),
            decision(BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT May 2016"))
        .when(
            new RecordZoneDecisionCommand(
                BERBERATI, ZoneStatus.SUSPENDED, BERBERATI_COMPLIANT, "same-day reversal"))
        .expectException(violates("ZONE_DECISION_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void isCompliantFromTheEffectiveDayOfTheDecisionAndNotTheDayBefore() {
    Zone nola =
        zone(
            NOLA,
            decision(NOLA, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013"),
            decision(NOLA, ZoneStatus.COMPLIANT, SOUTH_WEST_COMPLIANT, "MT 19 Sep 2016"));

    assertThat(nola.compliantOn(SOUTH_WEST_COMPLIANT.minusDays(1))).isFalse();
    assertThat(nola.compliantOn(SOUTH_WEST_COMPLIANT)).isTrue();
    assertThat(nola.compliantOn(day("2019-11-30"))).isTrue();
  }

  @Test
  void isNotCompliantBeforeAnyDecision() {
    Zone bria = zone(BRIA);

    assertThat(bria.compliantOn(day("2012-03-01"))).isFalse();
    assertThat(bria.compliantOn(SUSPENSION)).isFalse();
  }

  @Test
  void eastZoneNeverDeclaredCompliantStaysSuspendedUntilTheSuspensionIsLifted() {
    Zone bria =
        zone(
            BRIA,
            decision(BRIA, ZoneStatus.SUSPENDED, SUSPENSION, "KP AD 2013"),
            decision(BRIA, ZoneStatus.COMPLIANT, day("2024-11-15"), "Dubai Plenary 2024"));

    assertThat(bria.compliantOn(day("2016-09-19"))).isFalse();
    assertThat(bria.compliantOn(day("2024-11-14"))).isFalse();
    assertThat(bria.compliantOn(day("2024-11-15"))).isTrue();
  }

  @Test
  void suspensionAndReinstatementEachTakeEffectOnTheirOwnDay() {
    // Hypothetical: the KP record has no re-suspension of Berberati; the dates test the boundaries.
    Zone berberati =
        zone(
            BERBERATI,
            decision(BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT May 2016"),
            decision(BERBERATI, ZoneStatus.SUSPENDED, day("2017-06-01"), "armed-group incursion"),
            decision(BERBERATI, ZoneStatus.COMPLIANT, day("2017-09-01"), "MT field mission"));

    assertThat(berberati.compliantOn(day("2017-05-31"))).isTrue();
    assertThat(berberati.compliantOn(day("2017-06-01"))).isFalse();
    assertThat(berberati.compliantOn(day("2017-08-31"))).isFalse();
    assertThat(berberati.compliantOn(day("2017-09-01"))).isTrue();
  }

  @Test
  void refusalIsACustodyRuleViolation() {
    fixture
        .given(
            berberatiRegistered(),
            decision(BERBERATI, ZoneStatus.COMPLIANT, BERBERATI_COMPLIANT, "MT May 2016"))
        .when(
            new RecordZoneDecisionCommand(
                BERBERATI, ZoneStatus.SUSPENDED, SUSPENSION, "late entry"))
        .expectException(CustodyRuleViolation.class)
        .expectExceptionMessage(
            "zone BERBERATI already has a decision effective 2016-05-20;"
                + " a new decision must take effect after it");
  }

  /** A zone sourced from its events, as the repository would load it. */
  private static Zone zone(String zoneId, ZoneDecisionRecordedEvent... decisions) {
    Zone zone = new Zone();
    zone.on(new ZoneRegisteredEvent(zoneId, zoneId, "prefecture"));
    for (ZoneDecisionRecordedEvent d : decisions) {
      zone.on(d, org.axonframework.messaging.MetaData.emptyInstance(), java.time.Instant.EPOCH);
    }
    return zone;
  }
}
