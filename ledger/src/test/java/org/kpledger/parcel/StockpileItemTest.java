package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.AUDITOR;
import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.NOLA;
import static org.kpledger.custody.CarWorld.OTHER_BUYER;
import static org.kpledger.custody.CarWorld.SOUTH_WEST_COMPLIANT;
import static org.kpledger.custody.CarWorld.SUSPENSION;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.parcel.ParcelEvents.BAG;
import static org.kpledger.parcel.ParcelEvents.SHIPMENT;
import static org.kpledger.parcel.ParcelEvents.sealed;
import static org.kpledger.parcel.ParcelEvents.stockpileItem;
import static org.kpledger.parcel.ParcelEvents.valued;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.InMemoryCustodyFacts;

/**
 * Stockpile quarantine (kp-facts rule 9; 2016 Plenary §54): what the export gate would refuse stays
 * frozen until a forensic-audit clearance releases it.
 */
class StockpileItemTest {
  private static final String ITEM = "STK-BANGUI-01-007";
  private static final String HOLDER = BUYER.party();
  private static final String AUDIT = "FA-CAR-2017-003";

  private InMemoryCustodyFacts facts;
  private AggregateTestFixture<Parcel> fixture;

  @BeforeEach
  void setUp() {
    facts = carFacts();
    fixture = new AggregateTestFixture<>(Parcel.class);
    fixture.registerInjectableResource(facts);
  }

  private static CreateStockpileItemCommand declare(String zoneId, LocalDate acquiredOn) {
    return new CreateStockpileItemCommand(
        ITEM,
        "STK-BANGUI-01",
        HOLDER,
        ct("153.20"),
        zoneId,
        acquiredOn,
        "mixed rough, Bangui vault");
  }

  private static StockpileItemDeclaredEvent declared(
      String zoneId, LocalDate acquiredOn, String reason) {
    return stockpileItem(ITEM, HOLDER, "153.20", zoneId, acquiredOn, reason);
  }

  private void expectDeclared(String zoneId, LocalDate acquiredOn, String quarantineReason) {
    fixture
        .givenNoPriorActivity()
        .when(declare(zoneId, acquiredOn), as(BUYER))
        .expectEvents(declared(zoneId, acquiredOn, quarantineReason));
  }

  @Test
  void declaresItemAcquiredAfterItsZoneBecameCompliantWithoutQuarantine() {
    expectDeclared(BERBERATI, day("2016-07-01"), null);
  }

  @Test
  void quarantinesStockpileItemAcquiredDuringSuspension() {
    expectDeclared(BERBERATI, day("2014-03-10"), "ACQUIRED_DURING_SUSPENSION");
  }

  @Test
  void quarantinesItemAcquiredOnTheDayOfTheSuspension() {
    expectDeclared(BERBERATI, SUSPENSION, "ACQUIRED_DURING_SUSPENSION");
  }

  @Test
  void quarantinesItemAcquiredTheDayBeforeItsZoneWasDeclaredCompliant() {
    expectDeclared(NOLA, SOUTH_WEST_COMPLIANT.minusDays(1), "ACQUIRED_DURING_SUSPENSION");
  }

  @Test
  void declaresItemAcquiredOnTheDayItsZoneWasDeclaredCompliantWithoutQuarantine() {
    expectDeclared(NOLA, SOUTH_WEST_COMPLIANT, null);
  }

  @Test
  void quarantinesItemFromAZoneNeverDeclaredCompliant() {
    expectDeclared(BRIA, day("2016-10-01"), "ACQUIRED_DURING_SUSPENSION");
  }

  @Test
  void quarantinesItemWithoutADocumentedZone() {
    expectDeclared(null, day("2014-03-10"), "UNDOCUMENTED_ORIGIN");
  }

  @Test
  void quarantinesItemWithoutADocumentedAcquisitionDay() {
    expectDeclared(BERBERATI, null, "UNDOCUMENTED_ORIGIN");
  }

  @Test
  void quarantinesItemFromAnUnregisteredZone() {
    expectDeclared("NDELE", day("2016-07-01"), "UNKNOWN_ZONE");
  }

  @Test
  void quarantinesPreSuspensionItemWhenTheLedgerHoldsNoComplianceOfItsZoneThatDay() {
    // The zone history starts with the 2013 suspension, so the export gate would refuse this
    // origin; only a forensic audit can establish that it predates the suspension (Plenary §54).
    expectDeclared(BERBERATI, day("2012-11-05"), "ACQUIRED_BEFORE_SUSPENSION");
  }

  @Test
  void declaresPreSuspensionItemWithoutQuarantineWhenItsZoneWasRecordedCompliantThatDay() {
    facts.withZoneDecision(BERBERATI, day("2003-01-01"), true);

    expectDeclared(BERBERATI, day("2012-11-05"), null);
  }

  @Test
  void rejectsShipmentOfQuarantinedStockpileItem() {
    fixture
        .given(
            declared(BERBERATI, day("2014-03-10"), "ACQUIRED_DURING_SUSPENSION"),
            valued(ITEM, "18400.00", "153.20"),
            sealed(ITEM))
        .when(
            new AssignToShipmentCommand(ITEM, SHIPMENT, java.time.LocalDate.of(2016, 8, 1)),
            as(BUYER))
        .expectException(violates("STOCKPILE_QUARANTINED"))
        .expectNoEvents();
  }

  @Test
  void rejectsTransferOfQuarantinedStockpileItem() {
    fixture
        .given(declared(BERBERATI, day("2014-03-10"), "ACQUIRED_DURING_SUSPENSION"))
        .when(
            new OfferTransferCommand(ITEM, "TR-0009", OTHER_BUYER.party(), BAG, null),
            as(BUYER, "2016-07-15"))
        .expectException(violates("STOCKPILE_QUARANTINED"))
        .expectNoEvents();
  }

  @Test
  void acceptsAuditClearanceOfAQuarantinedItem() {
    fixture
        .given(declared(BERBERATI, day("2014-03-10"), "ACQUIRED_DURING_SUSPENSION"))
        .when(
            new ClearQuarantineCommand(ITEM, AUDIT, "MT criteria 2016: place and date"),
            as(AUDITOR))
        .expectEvents(new QuarantineClearedEvent(ITEM, AUDIT, "MT criteria 2016: place and date"));
  }

  @Test
  void rejectsClearanceOfAnItemNotQuarantined() {
    fixture
        .given(declared(BERBERATI, day("2016-07-01"), null))
        .when(new ClearQuarantineCommand(ITEM, AUDIT, "MT criteria 2016"), as(AUDITOR))
        .expectException(violates("NOT_QUARANTINED"))
        .expectNoEvents();
  }

  @Test
  void clearedItemIsShippedCarryingItsAuditClearance() {
    StockpileItemDeclaredEvent item =
        declared(BERBERATI, day("2014-03-10"), "ACQUIRED_DURING_SUSPENSION");
    Origin cleared = StockpileRules.originOf(item).clearedBy(AUDIT);

    fixture
        .given(
            item,
            new QuarantineClearedEvent(ITEM, AUDIT, "MT criteria 2016"),
            valued(ITEM, "18400.00", "153.20"),
            sealed(ITEM))
        .when(
            new AssignToShipmentCommand(ITEM, SHIPMENT, java.time.LocalDate.of(2016, 8, 1)),
            as(BUYER))
        .expectEvents(new ParcelAssignedToShipmentEvent(ITEM, SHIPMENT))
        .expectResultMessagePayload(
            new ParcelContribution(ITEM, ct("153.20"), usd("18400.00"), List.of(cleared)));
  }
}
