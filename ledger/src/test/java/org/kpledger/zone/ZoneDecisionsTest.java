package org.kpledger.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule every status-on-a-day query reads decisions by, as {@code Zone.compliantOn} does. */
class ZoneDecisionsTest {
  private static final LocalDate SUSPENSION = LocalDate.of(2013, 5, 23);
  private static final LocalDate BERBERATI = LocalDate.of(2016, 5, 1);

  private final ZoneDecisions berberati =
      ZoneDecisions.of(
          List.of(
              new ZoneDecisions.Decision(BERBERATI, "COMPLIANT", "MT assessment"),
              new ZoneDecisions.Decision(LocalDate.of(2003, 1, 1), "COMPLIANT", "KPCS"),
              new ZoneDecisions.Decision(SUSPENSION, "SUSPENDED", "AD suspension")));

  @Test
  void aZoneIsSuspendedBeforeItsFirstDecision() {
    ZoneDecisions.Period p = berberati.on(LocalDate.of(2002, 12, 31));
    assertThat(p.status()).isEqualTo("SUSPENDED");
    assertThat(p.decision()).isNull();
    assertThat(ZoneDecisions.of(List.of()).on(BERBERATI).compliant()).isFalse();
  }

  @Test
  void theLatestDecisionEffectiveOnOrBeforeTheDayIsInForce() {
    assertThat(berberati.on(SUSPENSION.minusDays(1)).decision().decisionRef()).isEqualTo("KPCS");
    assertThat(berberati.on(SUSPENSION).decision().decisionRef()).isEqualTo("AD suspension");
    assertThat(berberati.on(BERBERATI.minusDays(1)).compliant()).isFalse();
    assertThat(berberati.on(BERBERATI).compliant()).isTrue();
    assertThat(berberati.on(LocalDate.of(2100, 1, 1)).decision().decisionRef())
        .isEqualTo("MT assessment");
  }

  @Test
  void periodsAreInDateOrderAndMeetWithoutGaps() {
    List<ZoneDecisions.Period> p = berberati.periods();
    assertThat(p)
        .extracting(ZoneDecisions.Period::status)
        .containsExactly("SUSPENDED", "COMPLIANT", "SUSPENDED", "COMPLIANT");
    assertThat(p.get(0).from()).isNull();
    for (int i = 1; i < p.size(); i++) {
      assertThat(p.get(i).from()).isEqualTo(p.get(i - 1).until());
    }
    assertThat(p.get(p.size() - 1).until()).isNull();
  }
}
