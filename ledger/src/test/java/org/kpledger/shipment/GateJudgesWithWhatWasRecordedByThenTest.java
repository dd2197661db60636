package org.kpledger.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.CERTIFYING_OFFICER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.shipment.ShipmentData.BERBERATI_LOT;
import static org.kpledger.shipment.ShipmentData.BERBERATI_PARCEL;
import static org.kpledger.shipment.ShipmentData.PARCEL;
import static org.kpledger.shipment.ShipmentData.SHIPMENT;
import static org.kpledger.shipment.ShipmentData.assigned;
import static org.kpledger.shipment.ShipmentData.proposal;
import static org.kpledger.shipment.ShipmentData.proposed;
import static org.kpledger.shipment.ShipmentData.shipmentFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.zone.ZoneDecisions;

/**
 * Knowledge in two times at the export gate (issue #15): a command is judged with the zone
 * decisions the ledger had recorded when it recorded the command; a decision recorded later with an
 * effective date in the past does not decide it, and shows as a re-evaluation of that verdict.
 */
class GateJudgesWithWhatWasRecordedByThenTest {
  /** Berberati suspended again from 1 July 2016, a decision the ledger records on 10 September. */
  private static final LocalDate RETRO_FROM = day("2016-07-01");

  private static final Instant RECORDED_LATE = Instant.parse("2016-09-10T09:00:00Z");

  /**
   * Before the noon (Bangui) of 2 August 2016, when {@code as(BUYER, "2016-08-02")} is recorded.
   */
  private static final Instant RECORDED_EARLY = Instant.parse("2016-08-01T09:00:00Z");

  private static InMemoryCustodyFacts suspendedFromJulyRecordedAt(Instant recordedAt) {
    return carFacts()
        .withParcel(assigned(PARCEL))
        .withZoneDecision(BERBERATI, RETRO_FROM, false, recordedAt);
  }

  @Test
  void theGateAtAProposalIgnoresAZoneDecisionRecordedAfterTheProposal() {
    shipmentFixture(suspendedFromJulyRecordedAt(RECORDED_LATE))
        .givenNoPriorActivity()
        .when(proposal(BERBERATI_PARCEL), as(BUYER, "2016-08-02"))
        .expectEvents(proposed());
  }

  @Test
  void theGateAtAProposalHonoursAZoneDecisionRecordedBeforeTheProposal() {
    shipmentFixture(suspendedFromJulyRecordedAt(RECORDED_EARLY))
        .givenNoPriorActivity()
        .when(proposal(BERBERATI_PARCEL), as(BUYER, "2016-08-02"))
        .expectException(violates("ZONE_NOT_COMPLIANT"));
  }

  @Test
  void theGateAtACertificationHonoursAZoneDecisionRecordedBetweenProposalAndCertification() {
    shipmentFixture(suspendedFromJulyRecordedAt(Instant.parse("2016-08-03T09:00:00Z")))
        .given(proposed(), new ShipmentApprovedEvent(SHIPMENT, "MT-APPROVAL"))
        .when(
            new CertifyShipmentCommand(SHIPMENT, "CF000117"), as(CERTIFYING_OFFICER, "2016-08-04"))
        .expectException(violates("ZONE_NOT_COMPLIANT"));
  }

  @Test
  void aLaterRetroactiveDecisionDoesNotRewriteTheVerdictButRaisesAReevaluationNamingIt() {
    InMemoryCustodyFacts facts = suspendedFromJulyRecordedAt(RECORDED_LATE);
    Instant proposalRecorded = Instant.parse("2016-08-02T11:00:00Z");
    ZoneDecisions berberati =
        ZoneDecisions.of(
            List.of(
                new ZoneDecisions.Decision(day("2016-05-20"), "COMPLIANT", "MT-2016-05"),
                new ZoneDecisions.Decision(RETRO_FROM, "SUSPENDED", "MT-RETRO", RECORDED_LATE)));

    Reevaluation.Judgement j =
        Reevaluation.judge(BERBERATI_LOT, proposalRecorded, facts, berberati, null);

    assertThat(j.asKnownThen()).allMatch(GateCheck::passed);
    assertThat(j.asKnownNow())
        .filteredOn(c -> c.rule().equals("ZONE_NOT_COMPLIANT"))
        .singleElement()
        .matches(c -> !c.passed());
    Reevaluation r = j.changed().orElseThrow();
    assertThat(r.changedRules()).containsExactly("ZONE_NOT_COMPLIANT");
    assertThat(r.causes())
        .containsExactly(
            new Reevaluation.Cause(
                "ZONE_DECISION", BERBERATI, "MT-RETRO", "SUSPENDED", RETRO_FROM, RECORDED_LATE));
  }

  @Test
  void aVerdictJudgedAfterTheDecisionWasRecordedRaisesNoReevaluation() {
    Reevaluation.Judgement j =
        Reevaluation.judge(
            BERBERATI_LOT,
            RECORDED_LATE.plusSeconds(1),
            suspendedFromJulyRecordedAt(RECORDED_LATE),
            null,
            null);
    assertThat(j.changed()).isEmpty();
    assertThat(j.asKnownThen()).isEqualTo(j.asKnownNow());
  }
}
