package org.kpledger.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The tools (the {@code kp} command line, the generator, the benchmarks, their progress line) use
 * the node; the node never uses a tool, and they form no cycle with it or with each other. Checked
 * here, where the node's classes and the tools' are on one classpath (the node's own module cannot
 * see the tools at all). Issue #18.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class NodeWithoutToolsArchitectureTest {

  /** The node and each tool as one slice each. */
  @ArchTest
  static final ArchRule noCycleBetweenTheNodeAndItsTools =
      slices()
          .matching("org.kpledger.(api|cli|bench|generate|progress)..")
          .should()
          .beFreeOfCycles();

  /** The node runs without its tools: none of its classes uses the CLI, generator or benchmarks. */
  @ArchTest
  static final ArchRule theNodeUsesNoTool =
      noClasses()
          .that()
          .resideInAPackage("org.kpledger.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.kpledger.cli..",
              "org.kpledger.bench..",
              "org.kpledger.generate..",
              "org.kpledger.progress..",
              "org.openjdk.jmh..")
          .because("the tools talk to the node, and are not in its jar (issue #18)");

  /** The ledger library uses no tool. */
  @ArchTest
  static final ArchRule theLedgerUsesNoTool =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "org.kpledger.api..",
              "org.kpledger.cli..",
              "org.kpledger.bench..",
              "org.kpledger.generate..",
              "org.kpledger.progress..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.kpledger.cli..",
              "org.kpledger.bench..",
              "org.kpledger.generate..",
              "org.kpledger.progress..")
          .because("the ledger is the library the node and the tools are built on");
}
