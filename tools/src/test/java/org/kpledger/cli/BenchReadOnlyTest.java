package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.bench.ReadBenchmark.Row;

/**
 * {@code kp bench read --only ROW,... --skip-rebuild} (issue #20): a year already generated (a
 * size-10 year takes half an hour) is read again in minutes, timing only the rows named and no
 * rebuild of the projections; a name that is no row is a usage mistake naming the rows there are.
 */
class BenchReadOnlyTest {
  @TempDir Path data;

  @Test
  void onlyTimesTheRowsNamedAndSkipRebuildTimesNoRebuild() {
    PrintStream out = System.out;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    CommandLineConventionsTest.Run run;
    try {
      // the smallest year the generator makes (about 850 steps), on a fresh H2 file
      run =
          CommandLineConventionsTest.kp(
              "bench",
              "read",
              "--size",
              "0.005",
              "--seed",
              "7",
              "--threads",
              "2",
              "--batch-size",
              "25",
              "--data-dir",
              data.toString(),
              "--samples",
              "1",
              "--only",
              "holdings,balance",
              "--skip-rebuild");
    } finally {
      System.setOut(out);
    }
    String table = stdout.toString(StandardCharsets.UTF_8);
    System.out.print(table + run.err());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(table)
        .as("the rows named, timed")
        .containsPattern("(?m)^holdings of a buying office as of a date +[1-9][0-9]* ")
        .containsPattern("(?m)^mass balance of a buying office over the year +[1-9][0-9]* ")
        .as("no other row")
        .doesNotContain("trace back of a shipment")
        .as("no rebuild timed")
        .contains("projection rebuild: skipped (--skip-rebuild)")
        .doesNotContain("replayed at once");
  }

  @Test
  void aNameThatIsNoRowIsAUsageMistakeNamingTheRows() {
    CommandLineConventionsTest.Run run =
        CommandLineConventionsTest.kp(
            Map.of(), "bench", "read", "--data-dir", data.toString(), "--only", "holding");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--only: no row is named 'holding'")
        .contains(Row.names())
        .doesNotContain("Exception");
    assertThat(data).as("no node started, no year generated").isEmptyDirectory();
  }

  @Test
  void traceNamesTheFourTraceRowsAndRowsKeepTheTablesOrder() {
    assertThat(Row.select(List.of("holdings", "trace")))
        .containsExactly(
            Row.TRACE_AFRESH, Row.TRACE_WALKED, Row.TRACE_KEPT, Row.TRACE_PAGE, Row.HOLDINGS);
    assertThat(Row.select(List.of("trace-afresh", "balance")))
        .containsExactly(Row.TRACE_AFRESH, Row.BALANCE);
  }
}
