package org.kpledger.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_PATENTE;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.NOLA;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.carFacts;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.RuleViolations.violates;
import static org.kpledger.shipment.ShipmentData.BERBERATI_LOT;
import static org.kpledger.shipment.ShipmentData.PARCEL;
import static org.kpledger.shipment.ShipmentData.SHIPMENT;
import static org.kpledger.shipment.ShipmentData.assigned;
import static org.kpledger.shipment.ShipmentData.lotOrigin;
import static org.kpledger.shipment.ShipmentData.parcel;
import static org.kpledger.shipment.ShipmentData.proposal;
import static org.kpledger.shipment.ShipmentData.shipmentFixture;
import static org.kpledger.shipment.ShipmentData.stockpileOrigin;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyFacts.ParcelFacts;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.ParcelContribution;

/**
 * The export gate (kp-facts rules 5, 7 and 9), exercised through the proposal it guards: every
 * origin in a parcel's lineage must pass, and every parcel must be sealed, free and in this
 * shipment.
 */
class ExportGateTest {
  private static final String ITEM = "STK-BANGUI-01-007";

  private InMemoryCustodyFacts facts;
  private AggregateTestFixture<Shipment> fixture;

  @BeforeEach
  void setUp() {
    facts = carFacts().withParcel(assigned(PARCEL));
    fixture = shipmentFixture(facts);
  }

  private void expectAccepted(ParcelContribution parcel) {
    fixture
        .givenNoPriorActivity()
        .when(proposal(parcel), as(BUYER))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            exactSequenceOf(
                messageWithPayload(instanceOf(ShipmentProposedEvent.class)), andNoMore()));
  }

  private void expectRefused(ParcelContribution parcel, String reasonCode) {
    fixture
        .givenNoPriorActivity()
        .when(proposal(parcel), as(BUYER))
        .expectException(violates(reasonCode))
        .expectNoEvents();
  }

  @Test
  void rejectsExportWhenZoneWasNotCompliantOnPurchaseDay() {
    expectRefused(
        parcel(PARCEL, lotOrigin("LOT-NOL-2016-0012", NOLA, "2016-09-18")), "ZONE_NOT_COMPLIANT");
  }

  @Test
  void acceptsLotBoughtOnTheDayItsZoneWasDeclaredCompliant() {
    expectAccepted(parcel(PARCEL, lotOrigin("LOT-NOL-2016-0012", NOLA, "2016-09-19")));
  }

  @Test
  void rejectsParcelWhoseLineageTouchesAZoneNeverDeclaredCompliant() {
    expectRefused(
        parcel(PARCEL, BERBERATI_LOT, lotOrigin("LOT-BRI-2016-0005", BRIA, "2016-07-14")),
        "ZONE_NOT_COMPLIANT");
  }

  @Test
  void rejectsLotWhoseMinersPatenteWasNotInForceOnPurchaseDay() {
    // The KP authority records, after the purchase, a suspension effective before it.
    facts.withLicenceStatus(BERBERATI_PATENTE, day("2016-07-01"), false);

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "PATENTE_NOT_VALID");
  }

  @Test
  void acceptsLotWhoseMinersPatenteWasSuspendedOnlyAfterThePurchase() {
    facts.withLicenceStatus(BERBERATI_PATENTE, day("2016-07-15"), false);

    expectAccepted(parcel(PARCEL, BERBERATI_LOT));
  }

  @Test
  void rejectsStockpileItemAcquiredDuringSuspensionWithoutAudit() {
    expectRefused(
        parcel(PARCEL, stockpileOrigin(ITEM, BERBERATI, day("2014-03-10"), null)),
        "ZONE_NOT_COMPLIANT");
  }

  @Test
  void acceptsStockpileItemAcquiredDuringSuspensionOnceReleasedByAudit() {
    expectAccepted(
        parcel(PARCEL, stockpileOrigin(ITEM, BERBERATI, day("2014-03-10"), "FA-CAR-2017-003")));
  }

  @Test
  void rejectsStockpileItemWithUndocumentedOriginWithoutAudit() {
    expectRefused(parcel(PARCEL, stockpileOrigin(ITEM, null, null, null)), "UNDOCUMENTED_ORIGIN");
  }

  @Test
  void acceptsStockpileItemWithUndocumentedOriginOnceReleasedByAudit() {
    expectAccepted(parcel(PARCEL, stockpileOrigin(ITEM, null, null, "FA-CAR-2017-004")));
  }

  @Test
  void rejectsPreSuspensionStockpileItemWithoutAuditWhenNoEarlierComplianceIsRecorded() {
    expectRefused(
        parcel(PARCEL, stockpileOrigin(ITEM, BERBERATI, day("2012-11-05"), null)),
        "ZONE_NOT_COMPLIANT");
  }

  @Test
  void rejectsAParcelTheLedgerDoesNotKnow() {
    expectRefused(parcel("PCL-UNKNOWN", BERBERATI_LOT), "UNKNOWN_PARCEL");
  }

  @Test
  void rejectsAConfiscatedParcel() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, true, true, false, SHIPMENT, false));

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "PARCEL_CONFISCATED");
  }

  @Test
  void rejectsAQuarantinedStockpileItem() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, true, false, true, SHIPMENT, false));

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "STOCKPILE_QUARANTINED");
  }

  @Test
  void rejectsAnUnsealedParcel() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, false, false, false, SHIPMENT, false));

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "NOT_SEALED");
  }

  @Test
  void rejectsAParcelAssignedToAnotherShipment() {
    facts.withParcel(
        new ParcelFacts(
            PARCEL, BUYER.party(), true, true, false, false, "SHP-BAIE-2016-07", false));

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "NOT_IN_SHIPMENT");
  }

  @Test
  void rejectsAParcelNoLongerActive() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), false, true, false, false, SHIPMENT, false));

    expectRefused(parcel(PARCEL, BERBERATI_LOT), "NOT_IN_SHIPMENT");
  }

  @Test
  void passesTheParcelsOfAnExportedShipmentAsTheyStoodWhenTheyLeft() {
    // The dossier reads an exported shipment's gate afterwards: its parcels are no longer active.
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), false, true, false, false, SHIPMENT, true));

    List<GateCheck> checks =
        ExportGate.evaluate(SHIPMENT, List.of(PARCEL), List.of(BERBERATI_LOT), facts);

    assertThat(checks).allMatch(GateCheck::passed);
    assertThat(checks)
        .filteredOn(c -> c.rule().equals("NOT_IN_SHIPMENT"))
        .extracting(GateCheck::detail)
        .containsExactly("exported in " + SHIPMENT);
  }

  @Test
  void failsAParcelThatLeftTheCountryWithAnotherShipment() {
    facts.withParcel(
        new ParcelFacts(
            PARCEL, BUYER.party(), false, true, false, false, "SHP-BAIE-2016-07", true));

    List<GateCheck> checks =
        ExportGate.evaluate(SHIPMENT, List.of(PARCEL), List.of(BERBERATI_LOT), facts);

    assertThat(checks)
        .filteredOn(c -> !c.passed())
        .extracting(GateCheck::rule)
        .containsExactly("NOT_IN_SHIPMENT");
  }

  @Test
  void dossierKeepsEveryVerdictNotOnlyTheFirstFailure() {
    facts.withParcel(
        new ParcelFacts(PARCEL, BUYER.party(), true, true, true, false, SHIPMENT, false));
    Origin bria = lotOrigin("LOT-BRI-2016-0005", BRIA, "2016-07-14");

    List<GateCheck> checks =
        ExportGate.evaluate(SHIPMENT, List.of(PARCEL), List.of(BERBERATI_LOT, bria), facts);

    assertThat(checks).hasSize(8);
    assertThat(checks)
        .filteredOn(c -> !c.passed())
        .extracting(GateCheck::subject, GateCheck::rule)
        .containsExactly(
            tuple("LOT-BRI-2016-0005", "ZONE_NOT_COMPLIANT"), tuple(PARCEL, "PARCEL_CONFISCATED"));
  }
}
