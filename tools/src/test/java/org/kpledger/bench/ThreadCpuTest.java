package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-thread CPU breakdown of the ingest benchmark counts a busy thread under its group. */
class ThreadCpuTest {
  @Test
  void aBusyClientThreadsCpuIsCountedUnderBenchmarkClientsAndTheJitIsSeen() throws Exception {
    Map<String, Map.Entry<String, Long>> before = ThreadCpu.snapshot();
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch measured = new CountDownLatch(1);
    Thread busy =
        new Thread(
            () -> {
              // spin until this thread has used 60 ms of CPU, however busy the machine is, then
              // stay alive (an ended thread's time is not in the snapshot) until it was measured
              ThreadMXBean mx = ManagementFactory.getThreadMXBean();
              long x = 0;
              while (mx.getCurrentThreadCpuTime() < 60_000_000L) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
              }
              if (x == 42) {
                System.out.println(x);
              }
              spun.countDown();
              try {
                measured.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-client-test");
    busy.start();
    spun.await();
    Map<String, Map.Entry<String, Long>> after = ThreadCpu.snapshot();
    measured.countDown();
    busy.join();
    Map<String, Long> spent = ThreadCpu.spent(before, after);
    assertThat(spent.get("benchmark clients (the unsigned commands run on them)"))
        .as("CPU of the busy client thread, ns")
        .isGreaterThan(50_000_000L);
    assertThat(after.values()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("JIT compilers"));
    assertThat(spent.values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(ThreadCpu.table("t", spent)).contains("benchmark clients");
  }

  @Test
  void theJitsShareIsItsCpuOverEveryGroupsAndNothingWhenNothingWasSpent() {
    Map<String, Long> spent = new java.util.LinkedHashMap<>();
    spent.put("request threads (Tomcat)", 5_000L);
    spent.put("JIT compilers", 3_000L);
    spent.put("garbage collector", 2_000L);
    assertThat(ThreadCpu.jitShare(spent)).isEqualTo(0.3);
    spent.remove("JIT compilers");
    assertThat(ThreadCpu.jitShare(spent)).isZero();
    assertThat(ThreadCpu.jitShare(Map.of())).isZero();
  }
}
