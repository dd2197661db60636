package org.kpledger.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;

/**
 * The tools name the charset of every text they encode, as the node does ({@code
 * org.kpledger.api.ClockAndCharsetRulesTest}). They are outside the node's clock rule: the time a
 * tool takes is the signer's signing time or a certificate's validity on the machine that runs it,
 * which the node checks against its own clock, or a stopwatch; never the ledger's record time. The
 * one place where a benchmark records commands past the node's {@code CommandService} takes the
 * node's clock bean (IngestBenchmark). Issue #15, issue #18.
 */
@AnalyzeClasses(
    packages = {
      "org.kpledger.cli",
      "org.kpledger.bench",
      "org.kpledger.generate",
      "org.kpledger.progress"
    },
    importOptions = ImportOption.DoNotIncludeTests.class)
class ToolsCharsetRuleTest {

  @ArchTest
  static final ArchRule noDefaultCharset =
      noClasses()
          .should()
          .callMethod(String.class, "getBytes")
          .orShould()
          .callConstructor(String.class, byte[].class)
          .orShould()
          .callConstructor(String.class, byte[].class, int.class, int.class)
          .orShould()
          .callConstructor(InputStreamReader.class, InputStream.class)
          .orShould()
          .callConstructor(OutputStreamWriter.class, OutputStream.class)
          .because("signed and hashed bytes are UTF-8 whatever the platform's default charset");
}
