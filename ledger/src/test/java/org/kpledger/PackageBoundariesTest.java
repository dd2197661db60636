package org.kpledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The ledger library's packages form no cycle, and the custody domain does not know how it is
 * logged, anchored or audited, nor that Spring exists. Issue #18.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageBoundariesTest {

  /** The custody domain: one package per feature. */
  static final String[] DOMAIN = {
    "org.kpledger.certificate..",
    "org.kpledger.custody..",
    "org.kpledger.export..",
    "org.kpledger.facts..",
    "org.kpledger.licence..",
    "org.kpledger.lot..",
    "org.kpledger.miner..",
    "org.kpledger.parcel..",
    "org.kpledger.revocation..",
    "org.kpledger.shipment..",
    "org.kpledger.site..",
    "org.kpledger.stockpile..",
    "org.kpledger.zone.."
  };

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.kpledger.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule domainKnowsNothingOfTheLogAnchoringAuditOrSpring =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.kpledger.anchoring..",
              "org.kpledger.audit..",
              "org.kpledger.merkle..",
              "org.springframework..")
          .because("custody rules hold whatever stores, anchors or audits the events");
}
