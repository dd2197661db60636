package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees while {@code kp bench ingest} runs (issue #17): each timed phase shows its
 * progress on stderr at once (a phase may be shorter than the 5 s between two plain lines) and ends
 * with its total, and stdout keeps only the table. The run goes through the benchmark's entry point
 * with a tiny reference world (6 sites, 20 miners) instead of {@code kp bench ingest}, whose world
 * of 300 sites and 1,000 miners takes thousands of signed commands before the first phase: too long
 * for a test on the busy machine; the phases, their progress and the table are the same.
 */
class IngestBenchmarkProgressTest {
  @TempDir Path data;

  @Test
  void eachTimedPhaseShowsItsProgressAtOnceAndItsTotalOnStderrAndTheTableOnStdout()
      throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      new IngestBenchmark(1, 0, new int[] {1}, 80, new int[] {0}, data, List.of(), 6, 20).run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String seenOut = stdout.toString(StandardCharsets.UTF_8);
    String seenErr = stderr.toString(StandardCharsets.UTF_8);
    System.out.print(seenOut + seenErr);

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
}
