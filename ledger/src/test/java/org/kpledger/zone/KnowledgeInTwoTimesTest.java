package org.kpledger.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.licence.LicenceHistory;
import org.kpledger.licence.LicenceStatus;

/**
 * Knowledge in two times (issue #15): a zone decision or a licence change says from which day it
 * governs and the ledger knows when it was recorded; "status on day D as known at instant T" reads
 * only what was recorded by T, and a decision recorded later that flips a day is named.
 */
class KnowledgeInTwoTimesTest {
  private static final LocalDate CLEARED = LocalDate.of(2016, 5, 20);
  private static final LocalDate PURCHASE = LocalDate.of(2016, 7, 14);
  private static final LocalDate RETRO_SUSPENSION = LocalDate.of(2016, 7, 1);
  private static final Instant CLEARED_RECORDED = Instant.parse("2016-05-20T10:00:00Z");
  private static final Instant PROPOSAL = Instant.parse("2016-08-02T11:00:00Z");
  private static final Instant SUSPENSION_RECORDED = Instant.parse("2016-09-10T09:00:00Z");

  private final ZoneDecisions berberati =
      ZoneDecisions.of(
          List.of(
              new ZoneDecisions.Decision(CLEARED, "COMPLIANT", "MT-2016-05", CLEARED_RECORDED),
              new ZoneDecisions.Decision(
                  RETRO_SUSPENSION, "SUSPENDED", "MT-2016-09-RETRO", SUSPENSION_RECORDED)));

  @Test
  void givenADecisionRecordedLaterWhenAskedAsKnownBeforeItThenTheDayKeepsItsEarlierStatus() {
    assertThat(berberati.asKnownAt(PROPOSAL).on(PURCHASE).compliant()).isTrue();
    assertThat(berberati.on(PURCHASE).compliant()).isFalse();
  }

  @Test
  void givenADecisionRecordedAtTheInstantWhenAskedAsKnownThenThenItCounts() {
    assertThat(berberati.asKnownAt(SUSPENSION_RECORDED).on(PURCHASE).compliant()).isFalse();
  }

  @Test
  void givenARetroactiveSuspensionWhenADayItFlipsIsAskedThenTheSuspensionIsNamedAsTheRevision() {
    ZoneDecisions.Decision d = berberati.revisedAfter(PURCHASE, PROPOSAL).orElseThrow();
    assertThat(d.decisionRef()).isEqualTo("MT-2016-09-RETRO");
    assertThat(d.effectiveFrom()).isEqualTo(RETRO_SUSPENSION);
    assertThat(d.recordedAt()).isEqualTo(SUSPENSION_RECORDED);
  }

  @Test
  void givenARetroactiveSuspensionWhenADayBeforeItsEffectiveDateIsAskedThenNothingWasRevised() {
    assertThat(berberati.revisedAfter(LocalDate.of(2016, 6, 15), PROPOSAL)).isEmpty();
  }

  @Test
  void givenADecisionAlreadyKnownWhenAskedThenNothingWasRevised() {
    assertThat(berberati.revisedAfter(PURCHASE, SUSPENSION_RECORDED)).isEmpty();
  }

  @Test
  void givenAPatenteSuspendedLaterFromAPastDayWhenAskedAsKnownBeforeThenItWasInForce() {
    LicenceHistory patente =
        new LicenceHistory(
            LocalDate.of(2016, 1, 1),
            LocalDate.of(2016, 12, 31),
            List.of(
                new LicenceHistory.Change(
                    RETRO_SUSPENSION, LicenceStatus.SUSPENDED, SUSPENSION_RECORDED)));
    assertThat(patente.asKnownAt(PROPOSAL).inForceOn(PURCHASE)).isTrue();
    assertThat(patente.inForceOn(PURCHASE)).isFalse();
    LicenceHistory.Change c = patente.revisedAfter(PURCHASE, PROPOSAL).orElseThrow();
    assertThat(c.status()).isEqualTo(LicenceStatus.SUSPENDED);
    assertThat(c.recordedAt()).isEqualTo(SUSPENSION_RECORDED);
    assertThat(patente.revisedAfter(PURCHASE, SUSPENSION_RECORDED)).isEmpty();
  }
}
