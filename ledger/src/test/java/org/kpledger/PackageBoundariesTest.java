package org.kpledger;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.checkpoint.CheckpointThatKnowsASink;

/**
 * The ledger library's packages form no cycle, and the custody domain does not know how it is
 * logged, anchored or audited, nor that Spring exists. Within the integrity path, the packages of
 * {@code anchoring} form no cycle either, and the leaf and checkpoint formats know neither the
 * publisher, nor the sinks, nor Spring. Issue #18.
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

  /** The formats of the integrity path: leaf bytes and signed tree heads. */
  static final String[] ANCHORING_FORMATS = {
    "org.kpledger.anchoring.leaf..", "org.kpledger.anchoring.checkpoint.."
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

  /** Each package of {@code anchoring}, sub-packages apart, as a slice of its own. */
  private static final SliceAssignment EACH_ANCHORING_PACKAGE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
          String name = type.getPackageName();
          return name.equals("org.kpledger.anchoring") || name.startsWith("org.kpledger.anchoring.")
              ? SliceIdentifier.of(name)
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "each package of org.kpledger.anchoring";
        }
      };

  /**
   * Every package of the integrity path is its own slice here ({@link #noPackageCycles} sees the
   * whole of {@code anchoring} as one): the leaf and checkpoint formats, the sink contract with its
   * technologies, and the publisher form no cycle either.
   */
  @ArchTest
  static final ArchRule noCyclesBetweenTheAnchoringPackages =
      slices().assignedFrom(EACH_ANCHORING_PACKAGE).should().beFreeOfCycles();

  /**
   * The leaf and checkpoint formats are what an auditor re-derives offline: they know nothing of
   * the machinery that writes and keeps them, so neither the publisher, nor a sink (the contract,
   * an implementation, a technology package), nor Spring.
   */
  @ArchTest
  static final ArchRule leafAndCheckpointKnowNothingOfThePublisherTheSinksOrSpring =
      noClasses()
          .that()
          .resideInAnyPackage(ANCHORING_FORMATS)
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "org.kpledger.anchoring",
                      "org.kpledger.anchoring.publish..",
                      "org.kpledger.anchoring.local..",
                      "org.kpledger.anchoring.fabric..",
                      "org.springframework..")
                  .or(assignableTo(AnchorSink.class)))
          .because("an auditor verifies leaves and heads with nothing that moves (issue #18)");

  /**
   * The rule above does fail: a checkpoint class that uses the sink contract (a test fixture, so
   * the main code stays clean) is reported.
   */
  @Test
  void aCheckpointClassThatUsesASinkBreaksTheFormatsRule() {
    JavaClasses fixture =
        new ClassFileImporter().importClasses(CheckpointThatKnowsASink.class, AnchorSink.class);

    EvaluationResult result =
        leafAndCheckpointKnowNothingOfThePublisherTheSinksOrSpring.evaluate(fixture);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(CheckpointThatKnowsASink.class.getName()));
  }
}
