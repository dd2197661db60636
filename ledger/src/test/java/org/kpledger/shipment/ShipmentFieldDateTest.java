package org.kpledger.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.shipment.ShipmentData.BERBERATI_LOT;
import static org.kpledger.shipment.ShipmentData.BERBERATI_PARCEL;
import static org.kpledger.shipment.ShipmentData.IMPORTER;
import static org.kpledger.shipment.ShipmentData.PARCEL;
import static org.kpledger.shipment.ShipmentData.SHIPMENT;
import static org.kpledger.shipment.ShipmentData.assigned;
import static org.kpledger.shipment.ShipmentData.lotOrigin;
import static org.kpledger.shipment.ShipmentData.parcel;
import static org.kpledger.shipment.ShipmentData.proposed;
import static org.kpledger.shipment.ShipmentData.shipmentFixture;

import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.InMemoryCustodyFacts;

/**
 * A shipment proposal and an export carry the day they happened in the field ({@link FieldDate}):
 * the exporter's licence is judged on it, the export is not dated before the proposal, and a late
 * entry is flagged on the event. The shipment's lot was bought on 14 July 2016.
 */
class ShipmentFieldDateTest {
  private static final ShipmentCertifiedEvent CERTIFIED =
      new ShipmentCertifiedEvent(SHIPMENT, "CF000117");

  private static CreateShipmentCommand proposedOn(String fieldDate, String recordDay) {
    return new CreateShipmentCommand(
        SHIPMENT,
        BUYER_LICENCE,
        IMPORTER,
        List.of(BERBERATI_PARCEL),
        new FieldDate(day(fieldDate), day(recordDay)));
  }

  private static ShipmentProposedEvent recorded(LocalDate proposedOn, boolean late) {
    return new ShipmentProposedEvent(
        SHIPMENT,
        BUYER.party(),
        BUYER_LICENCE,
        IMPORTER,
        List.of(PARCEL),
        ct("12.40"),
        usd("1860.00"),
        List.of(BERBERATI_LOT),
        proposedOn,
        late);
  }

  private static RecordExportCommand exportedOn(String fieldDate, String recordDay) {
    return new RecordExportCommand(SHIPMENT, new FieldDate(day(fieldDate), day(recordDay)));
  }

  @Test
  void judgesTheExportLicenceOnTheProposalsFieldDateNotItsRecordDay() {
    // suspended from 1 August; proposed in the field on 31 July, recorded on 4 August
    InMemoryCustodyFacts facts =
        carFacts()
            .withParcel(assigned(PARCEL))
            .withLicenceStatus(BUYER_LICENCE, day("2016-08-01"), false);

    shipmentFixture(facts)
        .givenNoPriorActivity()
        .when(proposedOn("2016-07-31", "2016-08-04"), as(BUYER))
        .expectEvents(recorded(day("2016-07-31"), true));
  }

  @Test
  void rejectsAProposalOnAFieldDateTheExportLicenceWasSuspended() {
    InMemoryCustodyFacts facts =
        carFacts()
            .withParcel(assigned(PARCEL))
            .withLicenceStatus(BUYER_LICENCE, day("2016-07-30"), false)
            .withLicenceStatus(BUYER_LICENCE, day("2016-08-03"), true);

    shipmentFixture(facts)
        .givenNoPriorActivity()
        .when(proposedOn("2016-07-31", "2016-08-04"), as(BUYER))
        .expectException(violates("EXPORTER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnExportDatedBeforeTheProposal() {
    shipmentFixture(carFacts().withParcel(assigned(PARCEL)))
        .given(proposed(), CERTIFIED)
        .when(exportedOn("2016-08-01", "2016-08-20"), as(BUYER))
        .expectException(violates("FIELD_DATE_BEFORE_PREVIOUS_STEP"))
        .expectNoEvents();
  }

  @Test
  void judgesTheExportLicenceOnTheExportsFieldDateNotItsRecordDay() {
    InMemoryCustodyFacts facts =
        carFacts()
            .withParcel(assigned(PARCEL))
            .withLicenceStatus(BUYER_LICENCE, day("2016-08-19"), false);

    shipmentFixture(facts)
        .given(proposed(), CERTIFIED)
        .when(exportedOn("2016-08-18", "2016-08-25"), as(BUYER))
        .expectEvents(new ShipmentExportedEvent(SHIPMENT, "CF000117", day("2016-08-18"), true));
  }

  @Test
  void namesTheParcelTheGateRefusesByItsPlaceInTheProposal() {
    InMemoryCustodyFacts facts =
        carFacts().withParcel(assigned(PARCEL)).withParcel(assigned("PCL-BRIA-1"));
    CreateShipmentCommand withBria =
        new CreateShipmentCommand(
            SHIPMENT,
            BUYER_LICENCE,
            IMPORTER,
            List.of(
                BERBERATI_PARCEL,
                parcel("PCL-BRIA-1", lotOrigin("LOT-BRIA-1", BRIA, "2016-07-14"))),
            FieldDate.on(day("2016-08-02")));

    shipmentFixture(facts)
        .givenNoPriorActivity()
        .when(withBria, as(BUYER))
        .expectException(field("ZONE_NOT_COMPLIANT", "parcelIds[1]"))
        .expectNoEvents();
  }

  /** A violation with the given code naming the given payload member. */
  static TypeSafeMatcher<CustodyRuleViolation> field(String code, String field) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(CustodyRuleViolation v) {
        return code.equals(v.reasonCode()) && field.equals(v.field());
      }

      @Override
      public void describeTo(Description d) {
        d.appendText(code + " at " + field);
      }

      @Override
      protected void describeMismatchSafely(CustodyRuleViolation v, Description d) {
        d.appendText(v.reasonCode() + " at " + v.field());
      }
    };
  }

  @Test
  void theProposalsFieldDateIsItsRecordDayWhenTheSignerGivesNone() {
    FieldDate none = FieldDate.of(null, day("2016-08-02"), FieldDate.FIELD);
    assertThat(none).isEqualTo(FieldDate.on(day("2016-08-02")));
  }
}
