package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.INSPECTOR;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.BAG;
import static org.kpledger.parcel.ParcelEvents.LOT;
import static org.kpledger.parcel.ParcelEvents.SHIPMENT;
import static org.kpledger.parcel.ParcelEvents.lotBought;
import static org.kpledger.parcel.ParcelEvents.mergedInto;
import static org.kpledger.parcel.ParcelEvents.offered;
import static org.kpledger.parcel.ParcelEvents.parcelFixture;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.valued;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confiscation by an authority (the mining brigade's anti-fraud unit) and its disposition. */
class ConfiscationTest {
  private static final String PV = "PV-USAF-2016-044";
  private static final String AUTHORITY = INSPECTOR.organisationId();
  private static final LotPurchasedEvent BOUGHT = lotBought(LOT, COLLECTOR, "12.40");
  private static final ParcelConfiscatedEvent CONFISCATED =
      new ParcelConfiscatedEvent(
          LOT, PV, "slip does not match carnet de collecte", COLLECTOR.party(), AUTHORITY);

  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    fixture = parcelFixture();
  }

  private static ConfiscateParcelCommand confiscate() {
    return new ConfiscateParcelCommand(LOT, PV, "slip does not match carnet de collecte");
  }

  private static ConfiscationDisposedEvent disposed(Disposition disposition, String holder) {
    return new ConfiscationDisposedEvent(LOT, disposition, "court ruling", holder);
  }

  @Test
  void acceptsConfiscationOfAParcelByAnAuthority() {
    fixture.given(BOUGHT).when(confiscate(), as(INSPECTOR)).expectEvents(CONFISCATED);
  }

  @Test
  void rejectsSecondConfiscationOfTheSameParcel() {
    fixture
        .given(BOUGHT, CONFISCATED)
        .when(confiscate(), as(INSPECTOR))
        .expectException(violates("ALREADY_CONFISCATED"))
        .expectNoEvents();
  }

  @Test
  void rejectsConfiscationOfAParcelInAShipment() {
    fixture
        .given(
            lotBought(LOT, BUYER, "12.40"),
            valued(LOT, "1860.00", "12.40"),
            sealed(LOT),
            new ParcelAssignedToShipmentEvent(LOT, SHIPMENT))
        .when(confiscate(), as(INSPECTOR))
        .expectException(violates("IN_SHIPMENT"))
        .expectNoEvents();
  }

  @Test
  void rejectsConfiscationOfALotMergedAway() {
    fixture
        .given(BOUGHT, mergedInto(LOT, "12.40", "PCL-COL-0001"))
        .when(confiscate(), as(INSPECTOR))
        .expectException(violates("PARCEL_CONSUMED"))
        .expectNoEvents();
  }

  @Test
  void rejectsMovingAConfiscatedParcelEvenByTheAuthority() {
    fixture
        .given(BOUGHT, CONFISCATED)
        .when(
            new OfferTransferCommand(LOT, "TR-0001", BUYER.party(), BAG, null),
            as(INSPECTOR, "2016-07-15"))
        .expectException(violates("PARCEL_CONFISCATED"))
        .expectNoEvents();
  }

  @Test
  void confiscationLapsesAPendingTransfer() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER), CONFISCATED)
        .when(
            new AcceptTransferCommand(LOT, "TR-0001", BUYER_LICENCE, null), as(BUYER, "2016-07-20"))
        .expectException(violates("NO_PENDING_TRANSFER"))
        .expectNoEvents();
  }

  @Test
  void acceptsReturnOfAConfiscatedParcelToItsPreviousHolder() {
    fixture
        .given(BOUGHT, CONFISCATED)
        .when(
            new DisposeConfiscationCommand(LOT, Disposition.RETURNED, "court ruling"),
            as(INSPECTOR))
        .expectEvents(disposed(Disposition.RETURNED, COLLECTOR.party()));
  }

  @Test
  void returnedParcelMovesAgainByItsHolder() {
    fixture
        .given(BOUGHT, CONFISCATED, disposed(Disposition.RETURNED, COLLECTOR.party()))
        .when(
            new OfferTransferCommand(LOT, "TR-0002", BUYER.party(), BAG, null),
            as(COLLECTOR, "2016-07-15"))
        .expectEvents(offered(LOT, "TR-0002", COLLECTOR, BUYER));
  }

  @Test
  void acceptsForfeitureOfAConfiscatedParcelToTheState() {
    fixture
        .given(BOUGHT, CONFISCATED)
        .when(
            new DisposeConfiscationCommand(LOT, Disposition.FORFEITED, "court ruling"),
            as(INSPECTOR))
        .expectEvents(disposed(Disposition.FORFEITED, AUTHORITY));
  }

  @Test
  void rejectsMovingAForfeitedParcel() {
    fixture
        .given(BOUGHT, CONFISCATED, disposed(Disposition.FORFEITED, AUTHORITY))
        .when(
            new OfferTransferCommand(LOT, "TR-0003", BUYER.party(), BAG, null),
            as(INSPECTOR, "2016-07-15"))
        .expectException(violates("PARCEL_CONFISCATED"))
        .expectNoEvents();
  }

  @Test
  void rejectsDispositionOfAParcelNotConfiscated() {
    fixture
        .given(BOUGHT)
        .when(
            new DisposeConfiscationCommand(LOT, Disposition.RETURNED, "court ruling"),
            as(INSPECTOR))
        .expectException(violates("NOT_CONFISCATED"))
        .expectNoEvents();
  }

  @Test
  void rejectsSecondDispositionAfterForfeiture() {
    fixture
        .given(BOUGHT, CONFISCATED, disposed(Disposition.FORFEITED, AUTHORITY))
        .when(new DisposeConfiscationCommand(LOT, Disposition.RETURNED, "appeal"), as(INSPECTOR))
        .expectException(violates("NOT_CONFISCATED"))
        .expectNoEvents();
  }
}
