package org.kpledger.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.CERTIFYING_OFFICER;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.COLLECTOR_AGREMENT;
import static org.kpledger.custody.CarWorld.MONITOR;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.OTHER_BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.shipment.ShipmentData.BERBERATI_PARCEL;
import static org.kpledger.shipment.ShipmentData.IMPORTER;
import static org.kpledger.shipment.ShipmentData.PARCEL;
import static org.kpledger.shipment.ShipmentData.SHIPMENT;
import static org.kpledger.shipment.ShipmentData.assigned;
import static org.kpledger.shipment.ShipmentData.proposal;
import static org.kpledger.shipment.ShipmentData.proposed;
import static org.kpledger.shipment.ShipmentData.shipmentFixture;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyFacts.ParcelFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.custody.InternalCommands;

/**
 * The export path in order: proposal by a licensed buying office, Monitoring Team approval or
 * rejection, certification, export (kp-facts rule 7). The gate itself is in {@link ExportGateTest}.
 */
class ShipmentTest {
  private static final String CERT = "CF000117";
  private static final ShipmentApprovedEvent APPROVED =
      new ShipmentApprovedEvent(SHIPMENT, "MT-2016-08-APPROVAL");
  private static final ShipmentCertifiedEvent CERTIFIED =
      new ShipmentCertifiedEvent(SHIPMENT, CERT);

  private InMemoryCustodyFacts facts;
  private AggregateTestFixture<Shipment> fixture;

  @BeforeEach
  void setUp() {
    facts = carFacts().withParcel(assigned(PARCEL));
    fixture = shipmentFixture(facts);
  }

  private static CreateShipmentCommand proposalUnder(String licence) {
    return new CreateShipmentCommand(
        SHIPMENT,
        licence,
        IMPORTER,
        List.of(BERBERATI_PARCEL),
        org.kpledger.custody.FieldDate.on(day("2016-08-02")));
  }

  private static ShipmentDetails details() {
    return new ShipmentDetails(
        SHIPMENT, BUYER.party(), IMPORTER, ct("12.40"), usd("1860.00"), List.of(PARCEL), CERT);
  }

  @Test
  void acceptsProposalByLicensedExporterWhenEveryOriginPassesTheGate() {
    fixture
        .givenNoPriorActivity()
        .when(proposal(BERBERATI_PARCEL), as(BUYER))
        .expectEvents(proposed());
  }

  @Test
  void rejectsProposalUnderAnExportLicenceNeverIssued() {
    fixture
        .givenNoPriorActivity()
        .when(proposalUnder("EXP/2016/999"), as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsProposalUnderAnotherOfficesExportLicence() {
    fixture
        .givenNoPriorActivity()
        .when(proposalUnder(OTHER_BUYER_LICENCE), as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsProposalByACollectorUnderItsAgrement() {
    fixture
        .givenNoPriorActivity()
        .when(proposalUnder(COLLECTOR_AGREMENT), as(COLLECTOR))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsProposalWhenTheExportLicenceWasSuspendedOnTheProposalDay() {
    facts.withLicenceStatus(BUYER_LICENCE, day("2016-08-01"), false);

    fixture
        .givenNoPriorActivity()
        .when(proposal(BERBERATI_PARCEL), as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsApprovalWhenTheExportLicenceWasSuspendedAfterTheProposal() {
    facts.withLicenceStatus(BUYER_LICENCE, day("2016-08-04"), false);

    fixture
        .given(proposed())
        .when(
            new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-APPROVAL"), as(MONITOR, "2016-08-05"))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsCertificationWhenTheExportLicenceWasSuspendedAfterTheApproval() {
    facts.withLicenceStatus(BUYER_LICENCE, day("2016-08-08"), false);

    fixture
        .given(proposed(), APPROVED)
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2016-08-10"))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportOnADayTheExportLicenceWasSuspended() {
    facts.withLicenceStatus(BUYER_LICENCE, day("2016-08-15"), false);

    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-20"))),
            as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportAfterTheExportLicenceExpired() {
    // The licence runs to 31 December 2017; the certified shipment leaves on 3 January 2018.
    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2018-01-03"))),
            as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void approvesOnTheDayBeforeTheExportLicenceIsSuspended() {
    facts.withLicenceStatus(BUYER_LICENCE, day("2016-08-06"), false);

    fixture
        .given(proposed())
        .when(
            new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-APPROVAL"), as(MONITOR, "2016-08-05"))
        .expectEvents(APPROVED);
  }

  @Test
  void approvesProposedShipmentThatStillPassesTheGate() {
    fixture
        .given(proposed())
        .when(
            new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-APPROVAL"), as(MONITOR, "2016-08-05"))
        .expectEvents(APPROVED);
  }

  @Test
  void rejectsApprovalWhenAParcelLostItsSealAfterProposal() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, false, false, false, SHIPMENT, false));

    fixture
        .given(proposed())
        .when(
            new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-APPROVAL"), as(MONITOR, "2016-08-05"))
        .expectException(violates("NOT_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportWhenALateZoneDecisionCoversThePurchaseDay() {
    // Recorded after the proposal, a suspension effective 1 July 2016 covers the 14 July lot.
    facts.withZoneDecision(BERBERATI, day("2016-07-01"), false);

    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-20"))),
            as(BUYER))
        .expectException(violates("ZONE_NOT_COMPLIANT"))
        .expectNoEvents();
  }

  @Test
  void rejectsApprovalOfAnAlreadyApprovedShipment() {
    fixture
        .given(proposed(), APPROVED)
        .when(new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-BIS"), as(MONITOR, "2016-08-05"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void recordsRejectionOfAProposedShipmentAndReturnsItsParcels() {
    fixture
        .given(proposed())
        .when(
            new RecordRejectionCommand(SHIPMENT, "footprint inconsistent with Berberati"),
            as(MONITOR, "2016-08-05"))
        .expectEvents(new ShipmentRejectedEvent(SHIPMENT, "footprint inconsistent with Berberati"))
        .expectResultMessagePayload(List.of(PARCEL));
  }

  @Test
  void acceptsRejectionOfAnApprovedShipmentNotYetCertified() {
    fixture
        .given(proposed(), APPROVED)
        .when(
            new RecordRejectionCommand(SHIPMENT, "seal opened after approval"),
            as(MONITOR, "2016-08-05"))
        .expectEvents(new ShipmentRejectedEvent(SHIPMENT, "seal opened after approval"));
  }

  @Test
  void rejectsRejectionOfACertifiedShipment() {
    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(new RecordRejectionCommand(SHIPMENT, "second thoughts"), as(MONITOR, "2016-08-05"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsApprovalOfARejectedShipment() {
    fixture
        .given(proposed(), new ShipmentRejectedEvent(SHIPMENT, "footprint"))
        .when(
            new ApproveShipmentCommand(SHIPMENT, "MT-2016-08-APPROVAL"), as(MONITOR, "2016-08-05"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void certifiesAnApprovedShipmentAndReturnsWhatTheCertificateStates() {
    fixture
        .given(proposed(), APPROVED)
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2016-08-10"))
        .expectEvents(CERTIFIED)
        .expectResultMessagePayload(details());
  }

  @Test
  void rejectsCertificationBeforeApproval() {
    fixture
        .given(proposed())
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2016-08-10"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void recordsExportOfACertifiedShipmentByItsExporter() {
    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-20"))),
            as(BUYER))
        .expectEvents(new ShipmentExportedEvent(SHIPMENT, CERT, day("2016-08-20"), false))
        .expectResultMessagePayload(details());
  }

  @Test
  void rejectsExportByAnotherBuyingOffice() {
    fixture
        .given(proposed(), APPROVED, CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-20"))),
            as(OTHER_BUYER))
        .expectException(violates("NOT_EXPORTER"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportBeforeCertification() {
    fixture
        .given(proposed(), APPROVED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-20"))),
            as(BUYER))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportingAShipmentTwice() {
    fixture
        .given(
            proposed(),
            APPROVED,
            CERTIFIED,
            new ShipmentExportedEvent(SHIPMENT, CERT, day("2016-08-20"), false))
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2016-08-21"))),
            as(BUYER))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsShipmentNamingTheSameParcelTwice() {
    ShipmentHandler handler = new ShipmentHandler(new InternalCommands(null));
    ProposeShipmentCommand twice =
        new ProposeShipmentCommand(
            SHIPMENT, BUYER_LICENCE, IMPORTER, List.of(PARCEL, PARCEL), null);

    assertThatThrownBy(() -> handler.handle(twice, as(BUYER)))
        .isInstanceOfSatisfying(
            CustodyRuleViolation.class,
            v -> assertThat(v.reasonCode()).isEqualTo("DUPLICATE_PARCEL"));
  }
}
