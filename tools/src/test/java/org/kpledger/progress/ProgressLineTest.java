package org.kpledger.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress of long work off a terminal (a CI log, a file): plain lines, at most one per interval,
 * no carriage returns, and the final state always; on a terminal one line rewritten in place.
 */
class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void offATerminalPrintsPlainLinesAtMostOncePerIntervalAndTheFinalStateAlways() {
    ProgressLine progress = new ProgressLine(err, "demo", false, Duration.ofSeconds(5), nanos::get);
    progress.update("1 signed commands");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    progress.update("2 signed commands");
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    progress.update("3 signed commands");
    progress.update("4 signed commands");
    progress.done("loaded: 4 signed commands");
    progress.update("5 signed commands");

    assertThat(printed())
        .isEqualTo(
            "[demo] 1 signed commands\n"
                + "[demo] 3 signed commands\n"
                + "[demo] loaded: 4 signed commands\n")
        .doesNotContain("\r");
  }

  @Test
  void onATerminalRewritesOneLineInPlaceAndEndsItWithANewline() {
    ProgressLine progress =
        new ProgressLine(err, "verify", true, Duration.ofSeconds(5), nanos::get);
    progress.update("verifying b.zip, 10 s");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    progress.update("verifying b.zip, 9 s");
    progress.close();

    assertThat(printed())
        .isEqualTo("\r[verify] verifying b.zip, 10 s\r[verify] verifying b.zip, 9 s \n");
  }

  @Test
  void anotherStreamThanStderrIsNeverTreatedAsATerminal() {
    ProgressLine progress = ProgressLine.on(err, "generate", Duration.ZERO);
    progress.update("phase 1/3");
    progress.update("phase 2/3");
    progress.close();
    assertThat(printed()).isEqualTo("[generate] phase 1/3\n[generate] phase 2/3\n");
  }
}
