package org.kpledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The node reads time only from its one {@link Clock} bean and days only through {@link
 * org.kpledger.custody.LedgerCalendar} (Bangui), and names the charset of every text it encodes.
 * Issue #15.
 *
 * <p>The programs a person runs on their own machine (the tools module: {@code kp}, the generator,
 * the benchmarks) are outside the clock rule, see {@code org.kpledger.tools.ToolsCharsetRuleTest};
 * the charset rule holds for them too.
 */
@AnalyzeClasses(packages = "org.kpledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ClockAndCharsetRulesTest {
  /** The only class that reads the machine's clock: it makes the node's Clock bean. */
  private static final String CLOCK_BEAN = "org.kpledger.api.config.CustodyConfiguration";

  @ArchTest
  static final ArchRule noSystemClockOrZone =
      noClasses()
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(ZoneId.class, "systemDefault")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .because(
              "time comes from the node's one injected Clock and days from LedgerCalendar"
                  + " (Bangui), never from the machine that runs the code");

  @ArchTest
  static final ArchRule onlyTheClockBeanReadsTheSystemClock =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(CLOCK_BEAN)
          .should()
          .callMethod(Clock.class, "systemUTC")
          .because("the node has one clock, the bean " + CLOCK_BEAN + " makes; inject it");

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
