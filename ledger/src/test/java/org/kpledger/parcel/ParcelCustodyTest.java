package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.COLLECTOR_AGREMENT;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.OTHER_BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.OTHER_COLLECTOR;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.day;
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
import org.kpledger.custody.InMemoryCustodyFacts;

/**
 * Custody transfers (kp-facts rule 6): only the holder offers, one transfer at a time, under the
 * seal the item travels in; only the named receiver accepts, under its own licence of the kind its
 * role requires, in force on the day it accepts (kp-facts rule 1).
 */
class ParcelCustodyTest {
  private static final LotPurchasedEvent BOUGHT = lotBought(LOT, COLLECTOR, "12.40");

  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    fixture = parcelFixture();
  }

  private static AcceptTransferCommand acceptUnder(String receiverLicence) {
    return new AcceptTransferCommand(LOT, "TR-0001", receiverLicence, null);
  }

  private static OfferTransferCommand offerTo(String transferId, String party) {
    return new OfferTransferCommand(LOT, transferId, party, BAG, null);
  }

  @Test
  void acceptsTransferOfferedByTheHolder() {
    fixture
        .given(BOUGHT)
        .when(offerTo("TR-0001", BUYER.party()), as(COLLECTOR, "2016-07-15"))
        .expectEvents(offered(LOT, "TR-0001", COLLECTOR, BUYER));
  }

  @Test
  void rejectsTransferByNonHolder() {
    fixture
        .given(BOUGHT)
        .when(offerTo("TR-0001", BUYER.party()), as(OTHER_COLLECTOR, "2016-07-15"))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsSecondTransferWhilePending() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(offerTo("TR-0002", OTHER_BUYER.party()), as(COLLECTOR, "2016-07-15"))
        .expectException(violates("TRANSFER_PENDING"))
        .expectNoEvents();
  }

  @Test
  void rejectsTransferToTheHolderItself() {
    fixture
        .given(BOUGHT)
        .when(offerTo("TR-0001", COLLECTOR.party()), as(COLLECTOR, "2016-07-15"))
        .expectException(violates("TRANSFER_TO_SELF"))
        .expectNoEvents();
  }

  @Test
  void acceptsTransferOfSealedParcelUnderItsOwnSeal() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(offerTo("TR-0001", BUYER.party()), as(COLLECTOR, "2016-07-15"))
        .expectEvents(offered(LOT, "TR-0001", COLLECTOR, BUYER));
  }

  @Test
  void rejectsTransferOfSealedParcelUnderAnotherSeal() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(
            new OfferTransferCommand(LOT, "TR-0001", BUYER.party(), "BAG-FORGED-1", null),
            as(COLLECTOR, "2016-07-15"))
        .expectException(violates("SEAL_MISMATCH"))
        .expectNoEvents();
  }

  @Test
  void acceptsTransferByTheNamedRecipient() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder(BUYER_LICENCE), as(BUYER, "2016-07-20"))
        .expectEvents(
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-20"), false));
  }

  @Test
  void rejectsAcceptanceWhenTheReceiversExportLicenceWasSuspendedOnTheDayOfAcceptance() {
    InMemoryCustodyFacts facts =
        carFacts().withLicenceStatus(BUYER_LICENCE, day("2016-07-18"), false);

    parcelFixture(facts)
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder(BUYER_LICENCE), as(BUYER, "2016-07-20"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void acceptsTransferOnTheDayBeforeTheReceiversLicenceWasSuspended() {
    InMemoryCustodyFacts facts =
        carFacts().withLicenceStatus(BUYER_LICENCE, day("2016-07-21"), false);

    parcelFixture(facts)
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder(BUYER_LICENCE), as(BUYER, "2016-07-20"))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void rejectsAcceptanceByACollectorWhoseAgrementHadExpired() {
    // The agrément runs to 31 December 2016; the collector takes the lot back on 5 January 2017.
    fixture
        .given(lotBought(LOT, BUYER, "12.40"), offered(LOT, "TR-0001", BUYER, COLLECTOR))
        .when(acceptUnder(COLLECTOR_AGREMENT), as(COLLECTOR, "2017-01-05"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void acceptsTransferToACollectorUnderItsAgrementInForce() {
    fixture
        .given(lotBought(LOT, BUYER, "12.40"), offered(LOT, "TR-0001", BUYER, COLLECTOR))
        .when(acceptUnder(COLLECTOR_AGREMENT), as(COLLECTOR, "2016-07-20"))
        .expectEvents(
            new TransferAcceptedEvent(
                LOT, "TR-0001", BUYER.party(), COLLECTOR.party(), BAG, day("2016-07-20"), false));
  }

  @Test
  void rejectsAcceptanceUnderAnotherOfficesExportLicence() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder(OTHER_BUYER_LICENCE), as(BUYER, "2016-07-20"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsAcceptanceByACollectorUnderAnExportLicence() {
    fixture
        .given(lotBought(LOT, BUYER, "12.40"), offered(LOT, "TR-0001", BUYER, COLLECTOR))
        .when(acceptUnder(BUYER_LICENCE), as(COLLECTOR, "2016-07-20"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsAcceptanceUnderALicenceNeverIssued() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder("EXP/2016/999"), as(BUYER, "2016-07-20"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void rejectsAcceptanceByAnyoneButTheNamedRecipient() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptUnder(OTHER_BUYER_LICENCE), as(OTHER_BUYER, "2016-07-20"))
        .expectException(violates("NOT_TRANSFER_RECIPIENT"))
        .expectNoEvents();
  }

  @Test
  void rejectsAcceptanceOfATransferThatIsNotPending() {
    fixture
        .given(
            BOUGHT,
            offered(LOT, "TR-0001", COLLECTOR, BUYER),
            new TransferCancelledEvent(LOT, "TR-0001"))
        .when(acceptUnder(BUYER_LICENCE), as(BUYER, "2016-07-20"))
        .expectException(violates("NO_PENDING_TRANSFER"))
        .expectNoEvents();
  }

  @Test
  void acceptsCancellationByTheOfferingHolder() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(new CancelTransferCommand(LOT, "TR-0001"), as(COLLECTOR))
        .expectEvents(new TransferCancelledEvent(LOT, "TR-0001"));
  }

  @Test
  void rejectsCancellationByTheRecipient() {
    fixture
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(new CancelTransferCommand(LOT, "TR-0001"), as(BUYER))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void recipientHoldsTheItemOnceItAccepts() {
    fixture
        .given(
            BOUGHT,
            offered(LOT, "TR-0001", COLLECTOR, BUYER),
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, null, false))
        .when(offerTo("TR-0002", OTHER_BUYER.party()), as(BUYER, "2016-07-15"))
        .expectEvents(offered(LOT, "TR-0002", BUYER, OTHER_BUYER));
  }

  @Test
  void rejectsTransferByThePreviousHolderAfterAcceptance() {
    fixture
        .given(
            BOUGHT,
            offered(LOT, "TR-0001", COLLECTOR, BUYER),
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, null, false))
        .when(offerTo("TR-0002", OTHER_BUYER.party()), as(COLLECTOR, "2016-07-15"))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsTransferOfALotMergedIntoAParcel() {
    fixture
        .given(BOUGHT, mergedInto(LOT, "12.40", "PCL-BAIE-0001"))
        .when(offerTo("TR-0001", BUYER.party()), as(COLLECTOR, "2016-07-15"))
        .expectException(violates("PARCEL_CONSUMED"))
        .expectNoEvents();
  }

  @Test
  void rejectsTransferOfAnExportedParcel() {
    fixture
        .given(
            lotBought(LOT, BUYER, "12.40"),
            valued(LOT, "1860.00", "12.40"),
            sealed(LOT),
            new ParcelAssignedToShipmentEvent(LOT, SHIPMENT),
            new ParcelExportedEvent(LOT, SHIPMENT, "CF000117"))
        .when(offerTo("TR-0001", OTHER_BUYER.party()), as(BUYER, "2016-07-15"))
        .expectException(violates("PARCEL_EXPORTED"))
        .expectNoEvents();
  }

  @Test
  void rejectsTransferOfAParcelInAShipment() {
    fixture
        .given(
            lotBought(LOT, BUYER, "12.40"),
            valued(LOT, "1860.00", "12.40"),
            sealed(LOT),
            new ParcelAssignedToShipmentEvent(LOT, SHIPMENT))
        .when(offerTo("TR-0001", OTHER_BUYER.party()), as(BUYER, "2016-07-15"))
        .expectException(violates("IN_SHIPMENT"))
        .expectNoEvents();
  }
}
