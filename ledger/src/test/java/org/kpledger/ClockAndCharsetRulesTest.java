package org.kpledger;

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
 * The ledger library reads no clock and no zone of the machine it runs on: time comes to it as an
 * {@link Instant} or a {@link Clock} (the node's one clock), days from {@link
 * org.kpledger.custody.LedgerCalendar} (Bangui), and text is encoded and decoded with a named
 * charset, never the platform's default. Issue #15.
 */
@AnalyzeClasses(packages = "org.kpledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ClockAndCharsetRulesTest {

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
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .because(
              "time comes from the node's one injected Clock and days from LedgerCalendar"
                  + " (Bangui), never from the machine that runs the code");

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
