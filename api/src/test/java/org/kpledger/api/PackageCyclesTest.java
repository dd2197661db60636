package org.kpledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The node's packages form no import cycle, and the tools shipped beside it (the {@code kp} command
 * line, the generator, the benchmarks) form none with it or with each other: a tool may use the
 * node, the node never a tool. Issue #18.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  /** Every feature package of the node, sub-packages included, as one slice. */
  @ArchTest
  static final ArchRule noPackageCyclesInTheNode =
      slices().matching("org.kpledger.api.(*)..").should().beFreeOfCycles();

  /** The node and each tool as one slice each. */
  @ArchTest
  static final ArchRule noCycleBetweenTheNodeAndItsTools =
      slices().matching("org.kpledger.(api|cli|bench|generate)..").should().beFreeOfCycles();

  /** The node runs without its tools: none of its classes uses the CLI, generator or benchmarks. */
  @ArchTest
  static final ArchRule theNodeUsesNoTool =
      noClasses()
          .that()
          .resideInAPackage("org.kpledger.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.kpledger.cli..", "org.kpledger.bench..", "org.kpledger.generate..")
          .because("the tools talk to the node, and are to leave its jar (issue #18)");
}
