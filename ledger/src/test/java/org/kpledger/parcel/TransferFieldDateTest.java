package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.BAG;
import static org.kpledger.parcel.ParcelEvents.LOT;
import static org.kpledger.parcel.ParcelEvents.SHIPMENT;
import static org.kpledger.parcel.ParcelEvents.lotBought;
import static org.kpledger.parcel.ParcelEvents.offered;
import static org.kpledger.parcel.ParcelEvents.parcelFixture;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.valued;

import org.junit.jupiter.api.Test;
import org.kpledger.custody.InMemoryCustodyFacts;

/**
 * A custody transfer and its acceptance carry the day they happened in the field ({@link
 * org.kpledger.custody.FieldDate}): the receiver's licence is judged on it, it is never after the
 * record day nor before the item's previous custody step, and a late entry is flagged on the event.
 * The lot was bought on 14 July 2016.
 */
class TransferFieldDateTest {
  private static final LotPurchasedEvent BOUGHT = lotBought(LOT, COLLECTOR, "12.40");

  private static OfferTransferCommand offerOn(String fieldDate) {
    return new OfferTransferCommand(
        LOT, "TR-0001", BUYER.party(), BAG, fieldDate == null ? null : day(fieldDate));
  }

  private static AcceptTransferCommand acceptOn(String fieldDate) {
    return new AcceptTransferCommand(
        LOT, "TR-0001", BUYER_LICENCE, fieldDate == null ? null : day(fieldDate));
  }

  @Test
  void datesAnOfferWithoutAFieldDateOnItsRecordDay() {
    parcelFixture()
        .given(BOUGHT)
        .when(offerOn(null), as(COLLECTOR, "2016-07-16"))
        .expectEvents(
            new TransferOfferedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-16"), false));
  }

  @Test
  void recordsAnOfferOnItsFieldDate() {
    parcelFixture()
        .given(BOUGHT)
        .when(offerOn("2016-07-15"), as(COLLECTOR, "2016-07-16"))
        .expectEvents(
            new TransferOfferedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-15"), false));
  }

  @Test
  void rejectsAnOfferDatedAfterItsRecordDay() {
    parcelFixture()
        .given(BOUGHT)
        .when(offerOn("2016-07-17"), as(COLLECTOR, "2016-07-16"))
        .expectException(violates("FIELD_DATE_AFTER_RECORD_DAY"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnOfferDatedBeforeTheLotWasBought() {
    parcelFixture()
        .given(BOUGHT)
        .when(offerOn("2016-07-13"), as(COLLECTOR, "2016-07-16"))
        .expectException(violates("FIELD_DATE_BEFORE_PREVIOUS_STEP"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnAcceptanceDatedBeforeTheOffer() {
    parcelFixture()
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptOn("2016-07-14"), as(BUYER, "2016-07-20"))
        .expectException(violates("FIELD_DATE_BEFORE_PREVIOUS_STEP"))
        .expectNoEvents();
  }

  @Test
  void rejectsAnOfferDatedBeforeThePreviousAcceptance() {
    parcelFixture()
        .given(
            BOUGHT,
            offered(LOT, "TR-0001", COLLECTOR, BUYER),
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-18"), false))
        .when(
            new OfferTransferCommand(LOT, "TR-0002", COLLECTOR.party(), BAG, day("2016-07-17")),
            as(BUYER, "2016-07-20"))
        .expectException(violates("FIELD_DATE_BEFORE_PREVIOUS_STEP"))
        .expectNoEvents();
  }

  @Test
  void judgesTheReceiversLicenceOnTheFieldDateNotTheRecordDay() {
    // suspended from 18 July: the office took the lot on the 17th and recorded it on the 20th
    InMemoryCustodyFacts facts =
        carFacts().withLicenceStatus(BUYER_LICENCE, day("2016-07-18"), false);

    parcelFixture(facts)
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptOn("2016-07-17"), as(BUYER, "2016-07-20"))
        .expectEvents(
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-17"), true));
  }

  @Test
  void rejectsAcceptanceOnAFieldDateTheReceiversLicenceWasSuspendedThoughInForceWhenRecorded() {
    InMemoryCustodyFacts facts =
        carFacts()
            .withLicenceStatus(BUYER_LICENCE, day("2016-07-16"), false)
            .withLicenceStatus(BUYER_LICENCE, day("2016-07-19"), true);

    parcelFixture(facts)
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptOn("2016-07-17"), as(BUYER, "2016-07-20"))
        .expectException(violates("RECEIVER_NOT_LICENSED"))
        .expectNoEvents();
  }

  @Test
  void flagsAnAcceptanceRecordedMoreThanTwoDaysAfterItsFieldDateAsALateEntry() {
    parcelFixture()
        .given(BOUGHT, offered(LOT, "TR-0001", COLLECTOR, BUYER))
        .when(acceptOn("2016-07-16"), as(BUYER, "2016-07-19"))
        .expectEvents(
            new TransferAcceptedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-16"), true));
  }

  @Test
  void doesNotFlagAnOfferRecordedTwoDaysAfterItsFieldDate() {
    parcelFixture()
        .given(BOUGHT)
        .when(offerOn("2016-07-15"), as(COLLECTOR, "2016-07-17"))
        .expectEvents(
            new TransferOfferedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, day("2016-07-15"), false));
  }

  @Test
  void acceptsAnOfferStoredWithoutAFieldDateOnTheOffersOwnDay() {
    // an offer recorded before field dates (revision 1) has none; the acceptance is judged alone
    parcelFixture()
        .given(
            BOUGHT,
            new TransferOfferedEvent(
                LOT, "TR-0001", COLLECTOR.party(), BUYER.party(), BAG, null, false))
        .when(acceptOn("2016-07-15"), as(BUYER, "2016-07-20"))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void rejectsAShipmentProposalDatedBeforeTheParcelsPreviousCustodyStep() {
    parcelFixture()
        .given(lotBought(LOT, BUYER, "12.40"), valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new AssignToShipmentCommand(LOT, SHIPMENT, day("2016-07-13")), as(BUYER))
        .expectException(violates("FIELD_DATE_BEFORE_PREVIOUS_STEP"))
        .expectNoEvents();
  }
}
