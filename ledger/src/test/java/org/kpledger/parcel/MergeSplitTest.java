package org.kpledger.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BRIA_MINER;
import static org.kpledger.custody.CarWorld.BRIA_PATENTE;
import static org.kpledger.custody.CarWorld.BRIA_SITE;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.LOT;
import static org.kpledger.parcel.ParcelEvents.lotBought;
import static org.kpledger.parcel.ParcelEvents.mergedInto;
import static org.kpledger.parcel.ParcelEvents.originOf;
import static org.kpledger.parcel.ParcelEvents.parcelFixture;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.valued;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.InternalCommands;

/** Merges and splits conserve carats and carry every origin (kp-facts rules 4 and 5). */
class MergeSplitTest {
  private static final String MERGED = "PCL-BAIE-2016-0042";
  private static final LotPurchasedEvent LOT_A = lotBought(LOT, BUYER, "12.40");
  private static final LotPurchasedEvent LOT_B = lotBought("LOT-BBT-2016-0733", BUYER, "7.60");
  private static final ParcelContribution FROM_A =
      new ParcelContribution(LOT, ct("12.40"), null, List.of(originOf(LOT_A)));
  private static final ParcelContribution FROM_B =
      new ParcelContribution(LOT_B.lotId(), ct("7.60"), null, List.of(originOf(LOT_B)));

  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    fixture = parcelFixture();
  }

  @Test
  void acceptsMergeThatConservesCarats() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMergedParcelCommand(MERGED, List.of(FROM_A, FROM_B), ct("20.00")), as(BUYER))
        .expectEvents(
            new ParcelMergedEvent(
                MERGED,
                BUYER.party(),
                List.of(
                    new LineageEdge(LOT, MERGED, ct("12.40")),
                    new LineageEdge(LOT_B.lotId(), MERGED, ct("7.60"))),
                ct("20.00"),
                List.of(originOf(LOT_A), originOf(LOT_B))));
  }

  @Test
  void rejectsMergeThatInflatesCarats() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMergedParcelCommand(MERGED, List.of(FROM_A, FROM_B), ct("20.50")), as(BUYER))
        .expectException(violates("CARATS_NOT_CONSERVED"))
        .expectNoEvents();
  }

  @Test
  void rejectsMergeThatLosesCarats() {
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMergedParcelCommand(MERGED, List.of(FROM_A, FROM_B), ct("19.99")), as(BUYER))
        .expectException(violates("CARATS_NOT_CONSERVED"))
        .expectNoEvents();
  }

  @Test
  void mergeKeepsTheOriginOfALotFromANonCompliantZone() {
    Origin bria =
        new Origin(
            "LOT-BRI-2016-0005",
            BRIA_MINER,
            BRIA_PATENTE,
            BRIA_SITE,
            BRIA,
            day("2016-07-14"),
            ct("1.05"),
            null,
            null);
    ParcelContribution fromBria =
        new ParcelContribution(bria.lotId(), ct("1.05"), null, List.of(bria));

    fixture
        .givenNoPriorActivity()
        .when(
            new CreateMergedParcelCommand(MERGED, List.of(FROM_A, fromBria), ct("13.45")),
            as(BUYER))
        .expectEvents(
            new ParcelMergedEvent(
                MERGED,
                BUYER.party(),
                List.of(
                    new LineageEdge(LOT, MERGED, ct("12.40")),
                    new LineageEdge(bria.lotId(), MERGED, ct("1.05"))),
                ct("13.45"),
                List.of(originOf(LOT_A), bria)));
  }

  @Test
  void acceptsGivingUpALotToAMergeByItsHolder() {
    fixture
        .given(LOT_A)
        .when(new GiveUpToMergeCommand(LOT, MERGED), as(BUYER))
        .expectEvents(mergedInto(LOT, "12.40", MERGED))
        .expectResultMessagePayload(FROM_A);
  }

  @Test
  void rejectsMergeOfALotHeldBySomeoneElse() {
    fixture
        .given(LOT_A)
        .when(new GiveUpToMergeCommand(LOT, MERGED), as(OTHER_BUYER))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void rejectsMergeOfASealedParcel() {
    fixture
        .given(LOT_A, valued(LOT, "1860.00", "12.40"), sealed(LOT))
        .when(new GiveUpToMergeCommand(LOT, MERGED), as(BUYER))
        .expectException(violates("PARCEL_SEALED"))
        .expectNoEvents();
  }

  @Test
  void rejectsMergingALotTwice() {
    fixture
        .given(LOT_A, mergedInto(LOT, "12.40", MERGED))
        .when(new GiveUpToMergeCommand(LOT, "PCL-BAIE-2016-0043"), as(BUYER))
        .expectException(violates("PARCEL_CONSUMED"))
        .expectNoEvents();
  }

  @Test
  void acceptsSplitThatConservesCarats() {
    fixture
        .given(LOT_A)
        .when(
            new GiveUpToSplitCommand(
                LOT,
                List.of(
                    new SplitPart("PCL-A-GEM", ct("5.15")),
                    new SplitPart("PCL-A-IND", ct("7.25")))),
            as(BUYER))
        .expectEvents(
            new ParcelConsumedEvent(
                LOT,
                "SPLIT",
                List.of(
                    new LineageEdge(LOT, "PCL-A-GEM", ct("5.15")),
                    new LineageEdge(LOT, "PCL-A-IND", ct("7.25")))))
        .expectResultMessagePayload(FROM_A);
  }

  @Test
  void rejectsSplitThatLosesCarats() {
    fixture
        .given(LOT_A)
        .when(
            new GiveUpToSplitCommand(
                LOT,
                List.of(
                    new SplitPart("PCL-A-GEM", ct("5.15")),
                    new SplitPart("PCL-A-IND", ct("7.20")))),
            as(BUYER))
        .expectException(violates("CARATS_NOT_CONSERVED"))
        .expectNoEvents();
  }

  @Test
  void rejectsSplitThatInflatesCarats() {
    fixture
        .given(LOT_A)
        .when(
            new GiveUpToSplitCommand(
                LOT,
                List.of(
                    new SplitPart("PCL-A-GEM", ct("5.15")),
                    new SplitPart("PCL-A-IND", ct("7.30")))),
            as(BUYER))
        .expectException(violates("CARATS_NOT_CONSERVED"))
        .expectNoEvents();
  }

  @Test
  void rejectsSplitOfALotHeldBySomeoneElse() {
    fixture
        .given(LOT_A)
        .when(
            new GiveUpToSplitCommand(
                LOT,
                List.of(
                    new SplitPart("PCL-A-GEM", ct("5.15")),
                    new SplitPart("PCL-A-IND", ct("7.25")))),
            as(OTHER_BUYER))
        .expectException(violates("NOT_HOLDER"))
        .expectNoEvents();
  }

  @Test
  void splitPartCarriesEveryOriginOfItsSource() {
    List<Origin> origins = List.of(originOf(LOT_A), originOf(LOT_B));
    fixture
        .givenNoPriorActivity()
        .when(
            new CreateSplitPartCommand("PCL-A-GEM", MERGED, BUYER.party(), ct("5.15"), origins),
            as(BUYER))
        .expectEvents(
            new ParcelSplitOffEvent("PCL-A-GEM", MERGED, BUYER.party(), ct("5.15"), origins));
  }

  @Test
  void rejectsMergeNamingTheSameSourceTwice() {
    MergeAndSplitHandler handler = new MergeAndSplitHandler(new InternalCommands(null));

    assertThatThrownBy(
            () -> handler.handle(new MergeParcelsCommand(MERGED, List.of(LOT, LOT), ct("24.80"))))
        .isInstanceOfSatisfying(
            CustodyRuleViolation.class,
            v -> assertThat(v.reasonCode()).isEqualTo("DUPLICATE_SOURCE"));
  }

  @Test
  void rejectsSplitGivingTwoPartsTheSameId() {
    MergeAndSplitHandler handler = new MergeAndSplitHandler(new InternalCommands(null));
    SplitParcelCommand split =
        new SplitParcelCommand(
            LOT, List.of(new SplitPart("PCL-A", ct("6.20")), new SplitPart("PCL-A", ct("6.20"))));

    assertThatThrownBy(() -> handler.handle(split, BUYER))
        .isInstanceOfSatisfying(
            CustodyRuleViolation.class,
            v -> assertThat(v.reasonCode()).isEqualTo("DUPLICATE_PART"));
  }
}
