package org.kpledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node's packages form no import cycle, and the node runs without its tools: none of its
 * classes uses the {@code kp} command line, the generator or the benchmarks, which live in the
 * tools module (issue #18), and neither they nor the JMH harness are on the node's classpath. The
 * rules between the node and the tools are checked where both are on the classpath: {@code
 * org.kpledger.tools.NodeWithoutToolsArchitectureTest} in the tools module.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

  /** Every feature package of the node, sub-packages included, as one slice. */
  @ArchTest
  static final ArchRule noPackageCyclesInTheNode =
      slices().matching("org.kpledger.api.(*)..").should().beFreeOfCycles();

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

  /**
   * The node's jar carries no tool and no benchmark harness: its classpath (the one its tests run
   * with, the node jar's libraries) has neither {@code kp}'s entry point nor JMH.
   */
  @Test
  void theNodeClasspathHoldsNoToolAndNoJmh() {
    ClassLoader loader = PackageCyclesTest.class.getClassLoader();
    for (String tool :
        List.of(
            "org/kpledger/cli/KpCli.class",
            "org/kpledger/generate/YearGenerator.class",
            "org/kpledger/bench/BenchWorld.class",
            "org/openjdk/jmh/runner/Runner.class",
            "seed/car-sub-prefectures.csv")) {
      assertThat(loader.getResource(tool)).as("%s on the node's classpath", tool).isNull();
    }
  }
}
