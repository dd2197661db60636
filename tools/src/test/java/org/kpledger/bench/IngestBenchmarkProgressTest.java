package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees while {@code kp bench ingest} runs (issue #17): each timed phase shows its
 * progress on stderr at once (a phase may be shorter than the 5 s between two plain lines) and ends
 * with its total, and stdout keeps only the table. The run goes through the benchmark's entry point
 * with a tiny reference world (6 sites, 20 miners) instead of {@code kp bench ingest}, whose world
 * of 300 sites and 1,000 miners takes thousands of signed commands before the first phase: too long
 * for a test on the busy machine; the phases, their progress and the table are the same. One run
 * serves every test of the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestBenchmarkProgressTest {
  /** The reference data of the tiny world alone stores more events than this. */
  private static final long MARK = 50;

  private String seenOut;
  private String seenErr;

  @BeforeAll
  void run(@TempDir Path data) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      new IngestBenchmark(
              1, 2, new int[] {1}, 80, new int[] {0}, data, List.of(), new long[] {MARK}, 6, 20)
          .restWithin(java.time.Duration.ofMinutes(2))
          .settleJitWithin(java.time.Duration.ofSeconds(2))
          .run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    seenOut = stdout.toString(StandardCharsets.UTF_8);
    seenErr = stderr.toString(StandardCharsets.UTF_8);
    System.out.print(seenOut + seenErr);
  }

  @Test
  void eachTimedPhaseShowsItsProgressAtOnceAndItsTotalOnStderrAndTheTableOnStdout() {
    for (String path : new String[] {"signed/HTTP", "axon/no-sig"}) {
      String phase = "(?m)^\\[bench\\] " + path + ", 1 threads: ";
      assertThat(seenErr)
          .as(path + ": its progress at once, before the first command is answered")
          .containsPattern(phase + "0/1 s, 0 commands$")
          .as(path + ": its total when it ends")
          .containsPattern(phase + "done in [0-9.]+ s, [1-9][0-9,]* commands, [0-9,]+ failed$");
    }
    assertThat(seenOut)
        .as("the table on stdout")
        .contains(PhaseResult.header().strip())
        .containsPattern("(?m)^signed/HTTP +1 ")
        .as("nothing of the progress on stdout")
        .doesNotContain("[bench]");
  }

  /**
   * A phase measured while C2 still compiles measures the compiler as much as the node: the warm-up
   * says what share of the CPU the JIT took in each path's last round of it (and whether it
   * settled), and each phase's row its share during the phase.
   */
  @Test
  void theWarmUpAndEachPhaseShowTheJitsShareOfTheCpu() {
    assertThat(seenOut)
        .containsPattern(
            "(?m)^warm-up: [0-9,]+ commands on every path in [0-9.]+ s, not counted; the JIT"
                + " compilers' share of the CPU in each path's last warm-up round: signed/HTTP"
                + " [0-9]+ %, axon/no-sig [0-9]+ %( \\(not settled under 10 % within 2 s"
                + " more\\))?$");
    assertThat(PhaseResult.header()).endsWith("jit %");
    assertThat(seenOut).containsPattern("(?m)^signed/HTTP +1 .* [0-9]+$");
  }

  /**
   * Issue #20's target is the H2 file against its live data after 150,000 events, and the run is
   * bound by time: the benchmark describes the file the moment the store passes the mark, whatever
   * the machine's speed, and again at the end.
   */
  @Test
  void theH2FileIsDescribedOnceTheStorePassesTheMarkAndAgainAtTheEnd() {
    Matcher at =
        Pattern.compile(
                "(?m)^at 50 events \\(([0-9,]+) stored, during [^)]+\\): H2 file [0-9,]+ MiB,"
                    + " chunks [0-9]+ % live \\(rewritable ones [0-9]+ %\\), [0-9]+ % of the file chunks:"
                    + " [0-9,]+ MiB live, the"
                    + " file [0-9.]+ times that$")
            .matcher(seenOut);
    assertThat(at.find()).as("the line at the mark, in:\n" + seenOut).isTrue();
    assertThat(Long.parseLong(at.group(1).replace(",", "")))
        .as("events stored when the line was taken")
        .isGreaterThanOrEqualTo(MARK);
    assertThat(at.find()).as("printed as it happens and repeated before the table").isTrue();
    assertThat(at.find()).as("taken once").isFalse();
    assertThat(seenOut)
        .containsPattern("(?m)^at the end: H2 file [0-9,]+ MiB, .*, [0-9,]+ events stored$");
  }

  /**
   * The file under load is one reading; the file once the node's compaction has had the quiet is
   * the other: after the last phase the benchmark waits for the description to stop changing.
   */
  @Test
  void theH2FileIsDescribedAgainAtRestAfterTheLastPhase() {
    assertThat(seenOut)
        .containsPattern(
            "(?m)^at the end: [\\s\\S]*^at rest, [0-9]+ s after the last phase \\(unchanged"
                + " for the last polls\\): H2 file [0-9,]+ MiB, chunks [0-9]+ % live .* times that$");
  }
}
