package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.VALUER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.BAG;
import static org.kpledger.parcel.ParcelEvents.LOT;
import static org.kpledger.parcel.ParcelEvents.SHIPMENT;
import static org.kpledger.parcel.ParcelEvents.lotBought;
import static org.kpledger.parcel.ParcelEvents.originOf;
import static org.kpledger.parcel.ParcelEvents.parcelFixture;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.valued;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A parcel's side of the export path: assigned sealed, released on rejection, exported once. */
class ParcelShipmentTest {
  private static final LotPurchasedEvent BOUGHT = lotBought(LOT, BUYER, "12.40");
  private static final ParcelValuedEvent VALUED = valued(LOT, "1860.00", "12.40");
  private static final ParcelAssignedToShipmentEvent ASSIGNED =
      new ParcelAssignedToShipmentEvent(LOT, SHIPMENT);

  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    fixture = parcelFixture();
  }

  @Test
  void acceptsAssignmentOfASealedValuedParcelByItsHolder() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT))
        .when(
            new AssignToShipmentCommand(LOT, SHIPMENT, java.time.LocalDate.of(2016, 8, 1)),
            as(BUYER))
        .expectEvents(ASSIGNED)
        .expectResultMessagePayload(
            new ParcelContribution(LOT, ct("12.40"), usd("1860.00"), List.of(originOf(BOUGHT))));
  }

  @Test
  void rejectsRevaluationOfAParcelInAShipment() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED, new SealOpenedEvent(LOT, BAG, "inspection"))
        .when(new ValueParcelCommand(LOT, usd("2400.00"), "BECDOR-2016-08"), as(VALUER))
        .expectException(violates("IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void acceptsRevaluationOnceTheRejectedShipmentReleasedIt() {
    fixture
        .given(
            BOUGHT,
            VALUED,
            sealed(LOT),
            ASSIGNED,
            new SealOpenedEvent(LOT, BAG, "inspection"),
            new ParcelReleasedFromShipmentEvent(LOT, SHIPMENT))
        .when(new ValueParcelCommand(LOT, usd("2400.00"), "BECDOR-2016-08"), as(VALUER))
        .expectEvents(new ParcelValuedEvent(LOT, usd("2400.00"), "BECDOR-2016-08", ct("12.40")));
  }

  @Test
  void rejectsAssignmentOfAnUnsealedParcel() {
    fixture
        .given(BOUGHT, VALUED)
        .when(
            new AssignToShipmentCommand(LOT, SHIPMENT, java.time.LocalDate.of(2016, 8, 1)),
            as(BUYER))
        .expectException(violates("NOT_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsAssignmentByAnotherBuyingOffice() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT))
        .when(
            new AssignToShipmentCommand(LOT, SHIPMENT, java.time.LocalDate.of(2016, 8, 1)),
            as(OTHER_BUYER))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsAssignmentToASecondShipment() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED)
        .when(
            new AssignToShipmentCommand(LOT, "SHP-2016-09", java.time.LocalDate.of(2016, 8, 1)),
            as(BUYER))
        .expectException(violates("IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void releasesParcelFromItsRejectedShipment() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED)
        .when(new ReleaseFromShipmentCommand(LOT, SHIPMENT), as(BUYER))
        .expectEvents(new ParcelReleasedFromShipmentEvent(LOT, SHIPMENT));
  }

  @Test
  void rejectsReleaseFromAShipmentTheParcelIsNotIn() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED)
        .when(new ReleaseFromShipmentCommand(LOT, "SHP-2016-09"), as(BUYER))
        .expectException(violates("NOT_IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void marksParcelExportedWithItsShipmentUnderSeal() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED)
        .when(new MarkExportedCommand(LOT, SHIPMENT, "CF000117"), as(BUYER))
        .expectEvents(new ParcelExportedEvent(LOT, SHIPMENT, "CF000117"));
  }

  @Test
  void rejectsExportWithAShipmentTheParcelIsNotIn() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED)
        .when(new MarkExportedCommand(LOT, "SHP-2016-09", "CF000118"), as(BUYER))
        .expectException(violates("NOT_IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportingTheSameParcelTwice() {
    fixture
        .given(
            BOUGHT,
            VALUED,
            sealed(LOT),
            ASSIGNED,
            new ParcelExportedEvent(LOT, SHIPMENT, "CF000117"))
        .when(new MarkExportedCommand(LOT, SHIPMENT, "CF000117"), as(BUYER))
        .expectException(violates("NOT_IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportOfAParcelWhoseSealWasOpened() {
    fixture
        .given(BOUGHT, VALUED, sealed(LOT), ASSIGNED, new SealOpenedEvent(LOT, BAG, "inspection"))
        .when(new MarkExportedCommand(LOT, SHIPMENT, "CF000117"), as(BUYER))
        .expectException(violates("NOT_SEALED"))
        .expectNoEvents();
  }
}
