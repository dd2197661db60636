package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-thread CPU breakdown of the ingest benchmark counts a busy thread under its group. */
class ThreadCpuTest {
  @Test
  void aBusyClientThreadsCpuIsCountedUnderBenchmarkClientsAndTheJitIsSeen() throws Exception {
    Map<String, Long> before = ThreadCpu.snapshot();
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
    Map<String, Long> after = ThreadCpu.snapshot();
    busy.join();
    long spent = after.get("benchmark clients") - before.getOrDefault("benchmark clients", 0L);
    assertThat(spent).as("CPU of the busy client thread, ns").isGreaterThan(50_000_000L);
    assertThat(after.getOrDefault("JIT compilers", 0L)).isPositive();
    assertThat(ThreadCpu.table("t", before, after)).contains("benchmark clients");
  }
}
