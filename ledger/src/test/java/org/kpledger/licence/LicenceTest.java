package org.kpledger.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_PATENTE;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Licences and their dated status (kp-facts rule 1, licence at event time). */
class LicenceTest {
  private static final LocalDate FROM = day("2016-01-01");
  private static final LocalDate UNTIL = day("2016-12-31");

  private AggregateTestFixture<Licence> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Licence.class);
  }

  private static LicenceIssuedEvent patenteIssued() {
    return new LicenceIssuedEvent(
        BERBERATI_PATENTE, LicenceKind.PATENTE, BERBERATI_MINER, FROM, UNTIL);
  }

  private static LicenceStatusChangedEvent changed(LicenceStatus status, String from) {
    return new LicenceStatusChangedEvent(BERBERATI_PATENTE, status, day(from), "reason");
  }

  private static ChangeLicenceStatusCommand change(LicenceStatus status, String from) {
    return new ChangeLicenceStatusCommand(BERBERATI_PATENTE, status, day(from), "reason");
  }

  @Test
  void issuesLicenceThatEndsAfterItBegins() {
    fixture
        .givenNoPriorActivity()
        .when(
            new IssueLicenceCommand(
                BERBERATI_PATENTE, LicenceKind.PATENTE, BERBERATI_MINER, FROM, UNTIL))
        .expectEvents(patenteIssued());
  }

  @Test
  void rejectsLicenceThatEndsBeforeItBegins() {
    fixture
        .givenNoPriorActivity()
        .when(
            new IssueLicenceCommand(
                BERBERATI_PATENTE, LicenceKind.PATENTE, BERBERATI_MINER, UNTIL, FROM))
        .expectException(violates("LICENCE_VALIDITY_INVALID"))
        .expectNoEvents();
  }

  @Test
  void rejectsLicenceThatEndsOnTheDayItBegins() {
    fixture
        .givenNoPriorActivity()
        .when(
            new IssueLicenceCommand(
                BERBERATI_PATENTE, LicenceKind.PATENTE, BERBERATI_MINER, FROM, FROM))
        .expectException(violates("LICENCE_VALIDITY_INVALID"))
        .expectNoEvents();
  }

  @Test
  void acceptsSuspensionOfAnActiveLicence() {
    fixture
        .given(patenteIssued())
        .when(change(LicenceStatus.SUSPENDED, "2016-06-01"))
        .expectEvents(changed(LicenceStatus.SUSPENDED, "2016-06-01"));
  }

  @Test
  void rejectsStatusChangeToTheStatusItAlreadyHas() {
    fixture
        .given(patenteIssued(), changed(LicenceStatus.SUSPENDED, "2016-06-01"))
        .when(change(LicenceStatus.SUSPENDED, "2016-07-01"))
        .expectException(violates("LICENCE_STATUS_UNCHANGED"))
        .expectNoEvents();
  }

  @Test
  void acceptsReinstatementOfASuspendedLicence() {
    fixture
        .given(patenteIssued(), changed(LicenceStatus.SUSPENDED, "2016-06-01"))
        .when(change(LicenceStatus.ACTIVE, "2016-07-01"))
        .expectEvents(changed(LicenceStatus.ACTIVE, "2016-07-01"));
  }

  @Test
  void rejectsReinstatementOfARevokedLicence() {
    fixture
        .given(patenteIssued(), changed(LicenceStatus.REVOKED, "2016-06-01"))
        .when(change(LicenceStatus.ACTIVE, "2016-07-01"))
        .expectException(violates("LICENCE_REVOKED"))
        .expectNoEvents();
  }

  @Test
  void acceptsStatusChangeTakingEffectOnTheDayOfTheLastOne() {
    fixture
        .given(patenteIssued(), changed(LicenceStatus.SUSPENDED, "2016-06-01"))
        .when(change(LicenceStatus.REVOKED, "2016-06-01"))
        .expectEvents(changed(LicenceStatus.REVOKED, "2016-06-01"));
  }

  @Test
  void rejectsStatusChangeDatedBeforeTheLastOne() {
    fixture
        .given(patenteIssued(), changed(LicenceStatus.SUSPENDED, "2016-06-01"))
        .when(change(LicenceStatus.ACTIVE, "2016-05-15"))
        .expectException(violates("LICENCE_CHANGE_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void isValidFromItsFirstDayThroughItsLastDayOnly() {
    Licence patente = patente();

    assertThat(patente.validOn(day("2015-12-31"))).isFalse();
    assertThat(patente.validOn(day("2016-01-01"))).isTrue();
    assertThat(patente.validOn(day("2016-12-31"))).isTrue();
    assertThat(patente.validOn(day("2017-01-01"))).isFalse();
  }

  @Test
  void isNotValidWhileSuspendedAndValidAgainFromReinstatement() {
    Licence patente =
        patente(
            changed(LicenceStatus.SUSPENDED, "2016-06-01"),
            changed(LicenceStatus.ACTIVE, "2016-07-01"));

    assertThat(patente.validOn(day("2016-05-31"))).isTrue();
    assertThat(patente.validOn(day("2016-06-01"))).isFalse();
    assertThat(patente.validOn(day("2016-06-30"))).isFalse();
    assertThat(patente.validOn(day("2016-07-01"))).isTrue();
  }

  @Test
  void isNotValidFromRevocationOnEvenInsideItsValidity() {
    Licence patente = patente(changed(LicenceStatus.REVOKED, "2016-08-15"));

    assertThat(patente.validOn(day("2016-08-14"))).isTrue();
    assertThat(patente.validOn(day("2016-08-15"))).isFalse();
    assertThat(patente.validOn(day("2016-12-31"))).isFalse();
  }

  @Test
  void reinstatementDoesNotExtendValidityBeyondItsLastDay() {
    Licence patente =
        patente(
            changed(LicenceStatus.SUSPENDED, "2016-11-01"),
            changed(LicenceStatus.ACTIVE, "2016-12-15"));

    assertThat(patente.validOn(day("2016-12-31"))).isTrue();
    assertThat(patente.validOn(day("2017-01-01"))).isFalse();
  }

  /** A patente sourced from its events, as the repository would load it. */
  private static Licence patente(LicenceStatusChangedEvent... changes) {
    Licence licence = new Licence();
    licence.on(patenteIssued());
    for (LicenceStatusChangedEvent c : changes) {
      licence.on(c, org.axonframework.messaging.MetaData.emptyInstance(), java.time.Instant.EPOCH);
    }
    return licence;
  }
}
