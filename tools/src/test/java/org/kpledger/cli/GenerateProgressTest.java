package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a person sees while {@code kp generate} runs, at the smallest size the generator accepts
 * (0.005, about 850 steps): the progress on stderr from the start (the phase, the steps answered
 * out of the plan's total), counts rising to the total on a resumed run, the final state, and
 * nothing of it on stdout (issue #17).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class GenerateProgressTest extends ReadTestBase {
  private static final Pattern STEPS =
      Pattern.compile("(?m)^\\[generate\\] phase [0-9]+/[0-9]+ [^:]+: ([0-9,]+)/([0-9,]+) steps");

  /** What one run of {@code kp generate} printed on stdout and stderr, and its exit code. */
  private record Seen(int exit, String out, String err) {}

  @Test
  void generateShowsItsPhaseAndStepsFromTheStartRisingToTheTotalOnStderrOnly() throws Exception {
    Path state = Files.createTempDirectory("kp-generate-progress");
    String[] year = {
      "generate",
      "--data-dir",
      DATA.toString(),
      "--state",
      state.toString(),
      "--size",
      "0.005",
      "--seed",
      "7",
      "--prefix",
      "GP",
      "--threads",
      "2",
      "--batch-size",
      "25"
    };

    // an interval longer than the run: only the line shown at once can appear before the end
    Seen first = kp(year, "--stop-after", "200", "--progress-seconds", "600");
    assertThat(first.exit()).as("stopped, to be resumed").isEqualTo(1);
    long total = total(first.err());
    assertThat(first.err())
        .as("the first phase and 0 steps shown at once, not after the interval")
        .containsPattern(
            "(?m)^\\[generate\\] phase 1/[0-9]+ [^:]+: 0/"
                + String.format("%,d", total)
                + " steps \\(0\\.0%\\)");
    assertThat(first.err()).contains("[generate] stopped; run the same command again to resume");

    Seen resumed = kp(year, "--progress-seconds", "0.5");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    List<Long> counts = new ArrayList<>();
    Matcher m = STEPS.matcher(resumed.err());
    while (m.find()) {
      counts.add(Long.parseLong(m.group(1).replace(",", "")));
      assertThat(Long.parseLong(m.group(2).replace(",", ""))).isEqualTo(total);
    }
    assertThat(counts.get(0))
        .as("the resumed run starts from the steps answered before")
        .isGreaterThanOrEqualTo(200)
        .isLessThan(total);
    assertThat(counts).as("steps answered, line after line").isSorted();
    assertThat(counts.stream().distinct().count())
        .as("counts rising between the start and the end: " + counts)
        .isGreaterThanOrEqualTo(3);
    assertThat(counts.get(counts.size() - 1)).isEqualTo(total);
    assertThat(resumed.err())
        .containsPattern("(?m)^\\[generate\\] phase [^:]+: [0-9,]+/[0-9,]+ steps \\(100\\.0%\\)")
        .containsPattern("(?m)^\\[generate\\] complete: [0-9,]+ answered in this run");

    for (Seen run : List.of(first, resumed)) {
      assertThat(run.out()).as("stdout keeps nothing of the progress").doesNotContain("[generate]");
    }
  }

  /** The plan's total steps, from the first line a run prints. */
  private static long total(String err) {
    Matcher m = Pattern.compile("(?m)^\\[generate\\] seed .*; ([0-9,]+) steps \\(").matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  /** Runs {@code kp} with {@code args} and {@code more}, capturing System.out and System.err. */
  private Seen kp(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    CommandLineConventionsTest.Run run;
    try {
      run = CommandLineConventionsTest.kp(Map.of("KP_URL", "http://localhost:" + port), all);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String seenErr = stderr.toString(StandardCharsets.UTF_8) + run.err();
    System.out.print(seenErr);
    return new Seen(run.exit(), stdout.toString(StandardCharsets.UTF_8) + run.out(), seenErr);
  }
}
