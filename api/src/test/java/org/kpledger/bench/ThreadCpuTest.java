package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-thread CPU breakdown of the ingest benchmark counts a busy thread under its group. */
class ThreadCpuTest {
  @Test
  void aBusyClientThreadsCpuIsCountedUnderBenchmarkClientsAndTheJitIsSeen() throws Exception {
    Map<String, Map.Entry<String, Long>> before = ThreadCpu.snapshot();
    Thread busy =
        new Thread(
            () -> {
              long until = System.nanoTime() + 300_000_000L;
              long x = 0;
              while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
              }
              if (x == 42) {
                System.out.println(x);
              }
            },
            "bench-client-test");
    busy.start();
    Thread.sleep(200); // measured while alive: an ended thread's time is not in the snapshot
    Map<String, Map.Entry<String, Long>> after = ThreadCpu.snapshot();
    busy.join();
    Map<String, Long> spent = ThreadCpu.spent(before, after);
    assertThat(spent.get("benchmark clients (the unsigned commands run on them)"))
        .as("CPU of the busy client thread, ns")
        .isGreaterThan(50_000_000L);
    assertThat(after.values()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("JIT compilers"));
    assertThat(spent.values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(ThreadCpu.table("t", spent)).contains("benchmark clients");
  }
}
