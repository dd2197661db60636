package org.kpledger.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.CERTIFYING_OFFICER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.shipment.ShipmentData.IMPORTER;
import static org.kpledger.shipment.ShipmentData.PARCEL;
import static org.kpledger.shipment.ShipmentData.SHIPMENT;
import static org.kpledger.shipment.ShipmentData.assigned;
import static org.kpledger.shipment.ShipmentData.proposed;
import static org.kpledger.shipment.ShipmentData.shipmentFixture;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyFacts.ParcelFacts;
import org.kpledger.custody.InMemoryCustodyFacts;

/**
 * The export regime as dated policy (kp-facts §2.1): until 1 Dec 2019 a certificate needs the
 * Monitoring Team's approval first; from 2 Dec 2019 it may come first. The certification's record
 * day decides; the gate runs at certification under both.
 */
class ExportRegimeTest {
  private static final String CERT = "CF019112";
  private static final ShipmentApprovedEvent APPROVED =
      new ShipmentApprovedEvent(SHIPMENT, "MT-2019-11-APPROVAL");
  private static final ShipmentCertifiedEvent CERTIFIED =
      new ShipmentCertifiedEvent(SHIPMENT, CERT);

  private InMemoryCustodyFacts facts;
  private AggregateTestFixture<Shipment> fixture;

  @BeforeEach
  void setUp() {
    facts = carFacts().withParcel(assigned(PARCEL));
    // The buying office's export licence renewed through 2020, so only the regime differs.
    facts.withLicence(
        BUYER_LICENCE, "EXPORT_LICENCE", BUYER.party(), day("2016-01-01"), day("2020-12-31"));
    fixture = shipmentFixture(facts);
  }

  private static ShipmentDetails details() {
    return new ShipmentDetails(
        SHIPMENT, BUYER.party(), IMPORTER, ct("12.40"), usd("1860.00"), List.of(PARCEL), CERT);
  }

  @Test
  void priorApprovalRegimeGovernsFromTheResumptionOfExportsUntilTheFirstOfDecember2019() {
    assertThat(ExportRegime.on(day("2015-07-17"))).isEqualTo(ExportRegime.PRIOR_APPROVAL);
    assertThat(ExportRegime.on(day("2019-11-30"))).isEqualTo(ExportRegime.PRIOR_APPROVAL);
    assertThat(ExportRegime.on(day("2019-12-01"))).isEqualTo(ExportRegime.PRIOR_APPROVAL);
    assertThat(ExportRegime.PRIOR_APPROVAL.priorApprovalRequired()).isTrue();
  }

  @Test
  void certificateFirstRegimeGovernsFromTheSecondOfDecember2019() {
    assertThat(ExportRegime.on(day("2019-12-02"))).isEqualTo(ExportRegime.CERTIFICATE_FIRST);
    assertThat(ExportRegime.on(day("2026-12-05"))).isEqualTo(ExportRegime.CERTIFICATE_FIRST);
    assertThat(ExportRegime.CERTIFICATE_FIRST.priorApprovalRequired()).isFalse();
  }

  @Test
  void theStrictestRegimeGovernsADayBeforeTheResumptionOfExports() {
    assertThat(ExportRegime.on(day("2014-01-01"))).isEqualTo(ExportRegime.PRIOR_APPROVAL);
  }

  @Test
  void rejectsCertificationWithoutApprovalOn30November2019UnderThePriorApprovalRegime() {
    fixture
        .given(proposed())
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-11-30"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectExceptionMessage(containsString("PRIOR_APPROVAL export regime in force on"))
        .expectNoEvents();
  }

  @Test
  void rejectsCertificationWithoutApprovalOnTheLastDayOfThePriorApprovalRegime() {
    fixture
        .given(proposed())
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-01"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void certifiesAnApprovedShipmentOn30November2019UnderThePriorApprovalRegime() {
    fixture
        .given(proposed(), APPROVED)
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-11-30"))
        .expectEvents(CERTIFIED)
        .expectResultMessagePayload(details());
  }

  @Test
  void certifiesAProposedShipmentWithoutApprovalOn2December2019UnderTheCertificateFirstRegime() {
    fixture
        .given(proposed())
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-02"))
        .expectEvents(CERTIFIED)
        .expectResultMessagePayload(details());
  }

  @Test
  void certifiesAnApprovedShipmentUnderTheCertificateFirstRegimeToo() {
    fixture
        .given(proposed(), APPROVED)
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-02"))
        .expectEvents(CERTIFIED);
  }

  @Test
  void stillRunsTheGateAtCertificationWithoutApprovalUnderTheCertificateFirstRegime() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, false, false, false, SHIPMENT, false));

    fixture
        .given(proposed())
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-02"))
        .expectException(violates("NOT_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsCertifyingACertifiedShipmentAgainUnderTheCertificateFirstRegime() {
    fixture
        .given(proposed(), CERTIFIED)
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-03"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsCertifyingARejectedShipmentUnderTheCertificateFirstRegime() {
    fixture
        .given(proposed(), new ShipmentRejectedEvent(SHIPMENT, "MT: footprint mismatch"))
        .when(new CertifyShipmentCommand(SHIPMENT, CERT), as(CERTIFYING_OFFICER, "2019-12-03"))
        .expectException(violates("SHIPMENT_OUT_OF_ORDER"))
        .expectNoEvents();
  }

  @Test
  void exportsAShipmentCertifiedWithoutApprovalUnderTheCertificateFirstRegime() {
    fixture
        .given(proposed(), CERTIFIED)
        .when(
            new RecordExportCommand(SHIPMENT, org.kpledger.custody.FieldDate.on(day("2019-12-05"))),
            as(BUYER))
        .expectEvents(new ShipmentExportedEvent(SHIPMENT, CERT, day("2019-12-05"), false))
        .expectResultMessagePayload(details());
  }
}
