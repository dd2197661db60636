package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.COLLECTOR;
import static org.kpledger.custody.CarWorld.OTHER_COLLECTOR;
import static org.kpledger.custody.CarWorld.VALUER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.BAG;
import static org.kpledger.parcel.ParcelEvents.LOT;
import static org.kpledger.parcel.ParcelEvents.lotBought;
import static org.kpledger.parcel.ParcelEvents.mergedInto;
import static org.kpledger.parcel.ParcelEvents.offered;
import static org.kpledger.parcel.ParcelEvents.parcelFixture;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.valued;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Valuation before sealing (kp-facts rule 7), seals opened only by name (rule 6), and weighing
 * differences recorded as their own bounded event (rule 4).
 */
class ParcelSealTest {
  private static final LotPurchasedEvent BOUGHT = lotBought(LOT, BUYER, "12.40");

  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    fixture = parcelFixture();
  }

  @Test
  void acceptsValuationOfAnUnsealedParcel() {
    fixture
        .given(BOUGHT)
        .when(new ValueParcelCommand(LOT, usd("1860.00"), "BECDOR-2016-07"), as(VALUER))
        .expectEvents(valued(LOT, "1860.00", "12.40"));
  }

  @Test
  void rejectsValuationOfASealedParcel() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new ValueParcelCommand(LOT, usd("2400.00"), "BECDOR-2016-07"), as(VALUER))
        .expectException(violates("PARCEL_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsValuationOfALotMergedAway() {
    fixture
        .given(BOUGHT, mergedInto(LOT, "12.40", "PCL-BAIE-0001"))
        .when(new ValueParcelCommand(LOT, usd("1860.00"), "BECDOR-2016-07"), as(VALUER))
        .expectException(violates("PARCEL_CONSUMED"))
        .expectNoEvents();
  }

  @Test
  void acceptsSealingOfAValuedParcel() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"))
        .when(new SealParcelCommand(LOT, BAG), as(VALUER))
        .expectEvents(sealed(LOT));
  }

  @Test
  void rejectsSealingBeforeValuation() {
    fixture
        .given(BOUGHT)
        .when(new SealParcelCommand(LOT, BAG), as(VALUER))
        .expectException(violates("NOT_VALUED"))
        .expectNoEvents();
  }

  @Test
  void rejectsSealingWhileATransferIsPending() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), offered(LOT, "TR-0001", BUYER, COLLECTOR))
        .when(new SealParcelCommand(LOT, BAG), as(VALUER))
        .expectException(violates("TRANSFER_PENDING"))
        .expectNoEvents();
  }

  @Test
  void rejectsSealingAnAlreadySealedParcel() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new SealParcelCommand(LOT, "BAG-BECDOR-009999"), as(VALUER))
        .expectException(violates("PARCEL_SEALED"))
        .expectNoEvents();
  }

  @Test
  void acceptsOpeningTheNamedSeal() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new OpenSealCommand(LOT, BAG, "MT inspection of proposed shipment"), as(VALUER))
        .expectEvents(new SealOpenedEvent(LOT, BAG, "MT inspection of proposed shipment"));
  }

  @Test
  void rejectsOpeningASealTheParcelIsNotUnder() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new OpenSealCommand(LOT, "BAG-BECDOR-000001", "inspection"), as(VALUER))
        .expectException(violates("SEAL_MISMATCH"))
        .expectNoEvents();
  }

  @Test
  void rejectsOpeningASealOnAnUnsealedParcel() {
    fixture
        .given(BOUGHT)
        .when(new OpenSealCommand(LOT, BAG, "inspection"), as(VALUER))
        .expectException(violates("SEAL_MISMATCH"))
        .expectNoEvents();
  }

  @Test
  void rejectsResealingAnOpenedParcelBeforeItIsValuedAgain() {
    fixture
        .given(
            BOUGHT,
            valued(LOT, "1860.00", "12.40"),
            sealed(LOT),
            new SealOpenedEvent(LOT, BAG, "inspection"))
        .when(new SealParcelCommand(LOT, "BAG-BECDOR-004418"), as(VALUER))
        .expectException(violates("NOT_VALUED"))
        .expectNoEvents();
  }

  @Test
  void acceptsWeighingDifferenceWithinHalfAPercent() {
    // 0.5 % of 12.40 ct is 0.062 ct: a re-weighing at 12.34 ct (0.06 ct less) is within it.
    fixture
        .given(BOUGHT)
        .when(
            new RecordWeighingDifferenceCommand(LOT, ct("12.34"), "BECDOR scale, dry stones"),
            as(BUYER))
        .expectEvents(
            new WeighingDifferenceRecordedEvent(
                LOT, ct("12.40"), ct("12.34"), "BECDOR scale, dry stones"));
  }

  @Test
  void rejectsWeighingDifferenceBeyondHalfAPercent() {
    fixture
        .given(BOUGHT)
        .when(new RecordWeighingDifferenceCommand(LOT, ct("12.33"), "BECDOR scale"), as(BUYER))
        .expectException(violates("WEIGHING_DIFFERENCE_TOO_LARGE"))
        .expectNoEvents();
  }

  @Test
  void acceptsOneHundredthOfACaratOnASmallLot() {
    fixture
        .given(lotBought(LOT, BUYER, "0.80"))
        .when(new RecordWeighingDifferenceCommand(LOT, ct("0.81"), "field scale"), as(BUYER))
        .expectEvents(
            new WeighingDifferenceRecordedEvent(LOT, ct("0.80"), ct("0.81"), "field scale"));
  }

  @Test
  void rejectsTwoHundredthsOfACaratOnASmallLot() {
    fixture
        .given(lotBought(LOT, BUYER, "0.80"))
        .when(new RecordWeighingDifferenceCommand(LOT, ct("0.78"), "field scale"), as(BUYER))
        .expectException(violates("WEIGHING_DIFFERENCE_TOO_LARGE"))
        .expectNoEvents();
  }

  @Test
  void rejectsReWeighingsWhoseDifferencesTogetherExceedHalfAPercent() {
    // Each step (12.40 -> 12.35 -> 12.30) is within 0.5 % of the mass before it, but together
    // they take 0.10 ct off a 12.40 ct lot, beyond its 0.062 ct.
    fixture
        .given(BOUGHT, new WeighingDifferenceRecordedEvent(LOT, ct("12.40"), ct("12.35"), "field"))
        .when(new RecordWeighingDifferenceCommand(LOT, ct("12.30"), "BECDOR scale"), as(BUYER))
        .expectException(violates("WEIGHING_DIFFERENCE_TOO_LARGE"))
        .expectNoEvents();
  }

  @Test
  void acceptsAReWeighingThatBringsTheMassBackTowardsItsFirstWeighing() {
    fixture
        .given(BOUGHT, new WeighingDifferenceRecordedEvent(LOT, ct("12.40"), ct("12.35"), "field"))
        .when(new RecordWeighingDifferenceCommand(LOT, ct("12.45"), "BECDOR scale"), as(BUYER))
        .expectEvents(
            new WeighingDifferenceRecordedEvent(LOT, ct("12.35"), ct("12.45"), "BECDOR scale"));
  }

  @Test
  void rejectsWeighingOfASealedParcel() {
    fixture
        .given(BOUGHT, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new RecordWeighingDifferenceCommand(LOT, ct("12.39"), "BECDOR scale"), as(BUYER))
        .expectException(violates("PARCEL_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsWeighingDifferenceRecordedByNonHolder() {
    fixture
        .given(BOUGHT)
        .when(new RecordWeighingDifferenceCommand(LOT, ct("12.39"), "scale"), as(OTHER_COLLECTOR))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }
}
