package org.kpledger.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.LocalDate;
import java.time.chrono.ChronoLocalDate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.shipment.GateCheck;

/**
 * No code path in the node decides zone status, licence standing, parcel state, quarantine or the
 * gate (issue #15): those rules live once in {@code ledger} ({@code ZoneDecisions}, {@code
 * LicenceHistory}, {@code ParcelState}, {@code ExportGate}); the node loads their facts and calls
 * them. What can be checked mechanically is checked here; DEVELOPMENT.md ("One rulebook") lists the
 * rest for review.
 */
@AnalyzeClasses(packages = "org.kpledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class OneRulebookArchitectureTest {

  /** A verdict of the gate comes from {@code ExportGate}, never from the node. */
  @ArchTest
  static final ArchRule gateVerdictsComeOnlyFromTheLedgersGate =
      noClasses()
          .should()
          .callConstructorWhere(
              describe(
                  "new GateCheck", c -> c.getTarget().getOwner().isEquivalentTo(GateCheck.class)))
          .because("only org.kpledger.shipment.ExportGate decides the gate");

  /** What the gate re-checks of a parcel is built from a {@code ParcelState}, never by hand. */
  @ArchTest
  static final ArchRule parcelFactsComeOnlyFromParcelState =
      noClasses()
          .should()
          .callConstructorWhere(
              describe(
                  "new ParcelFacts",
                  c -> c.getTarget().getOwner().isEquivalentTo(CustodyFacts.ParcelFacts.class)))
          .because("org.kpledger.parcel.ParcelState decides what a projected state means");

  /**
   * The read side's registry, lineage, zone and dossier classes compare no days themselves: a
   * status or standing on a day is the ledger's {@code ZoneDecisions.on} or {@code
   * LicenceHistory.standingOn}. The two exceptions compare days for other reasons: the from/to
   * filter of a forward trace, and whether a zone decision was recorded after it took effect.
   */
  @ArchTest
  static final ArchRule theReadSideComparesNoDaysToDecideAStatus =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.kpledger.api.registry..",
              "org.kpledger.api.lineage..",
              "org.kpledger.api.zone..",
              "org.kpledger.api.dossier..")
          .and()
          .doNotHaveSimpleName("TraceForwardQuery")
          .and()
          .doNotHaveSimpleName("ZoneHistoryQueries")
          .should()
          .callMethodWhere(
              describe(
                  "a comparison of days",
                  c ->
                      (c.getTarget().getOwner().isAssignableTo(ChronoLocalDate.class)
                              || c.getTarget().getOwner().isEquivalentTo(LocalDate.class))
                          && (c.getTarget().getName().equals("isBefore")
                              || c.getTarget().getName().equals("isAfter")
                              || c.getTarget().getName().equals("compareTo")
                              || c.getTarget().getName().equals("isEqual"))))
          .because("ZoneDecisions and LicenceHistory in ledger read dated facts");
}
