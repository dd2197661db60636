package org.kpledger.bench;

import java.util.Arrays;

/** What one timed phase measured. */
record PhaseResult(
    String path,
    int threads,
    long commands,
    long failures,
    double seconds,
    long[] latenciesNanos,
    long anchoringLag,
    long projectionLag,
    double cpuMillisPerCommand,
    double writesPerCommand,
    double kibWrittenPerCommand,
    double databaseCpuMillisPerCommand,
    double jitShare) {

  /**
   * The same result with the anchoring processor's lag (events not yet leaves) at the phase's end
   * and the process CPU time the phase cost per command, the processors' catch-up included.
   */
  PhaseResult withBacklog(long lag, long projectionLag, double cpuMillis) {
    return new PhaseResult(
        path,
        threads,
        commands,
        failures,
        seconds,
        latenciesNanos,
        lag,
        projectionLag,
        cpuMillis,
        writesPerCommand,
        kibWrittenPerCommand,
        databaseCpuMillisPerCommand,
        jitShare);
  }

  /**
   * The same result with the database's writes (H2 chunks, PostgreSQL WAL flushes), KiB written and
   * server CPU per command (StoreCounters).
   */
  PhaseResult withWrites(double writes, double kib, double databaseCpuMillis) {
    return new PhaseResult(
        path,
        threads,
        commands,
        failures,
        seconds,
        latenciesNanos,
        anchoringLag,
        projectionLag,
        cpuMillisPerCommand,
        writes,
        kib,
        databaseCpuMillis,
        jitShare);
  }

  /**
   * The same result with the JIT compilers' share of the process's CPU during the phase (0 to 1): a
   * share far above zero says the figures are of a JVM still compiling, not of a node in service.
   */
  PhaseResult withJitShare(double share) {
    return new PhaseResult(
        path,
        threads,
        commands,
        failures,
        seconds,
        latenciesNanos,
        anchoringLag,
        projectionLag,
        cpuMillisPerCommand,
        writesPerCommand,
        kibWrittenPerCommand,
        databaseCpuMillisPerCommand,
        share);
  }

  double perSecond() {
    return commands / seconds;
  }

  double percentileMillis(double p) {
    if (latenciesNanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  String row() {
    return String.format(
        "%-14s %7d %9d %9.0f %8.1f %8.1f %8d %12d %10d %11.2f %11.2f %10.2f %8.1f %6.0f",
        path,
        threads,
        commands,
        perSecond(),
        percentileMillis(0.50),
        percentileMillis(0.99),
        failures,
        anchoringLag,
        projectionLag,
        cpuMillisPerCommand,
        databaseCpuMillisPerCommand,
        writesPerCommand,
        kibWrittenPerCommand,
        100 * jitShare);
  }

  static String header() {
    return String.format(
        "%-14s %7s %9s %9s %8s %8s %8s %12s %10s %11s %11s %10s %8s %6s",
        "path",
        "threads",
        "commands",
        "cmd/s",
        "p50 ms",
        "p99 ms",
        "failed",
        "anchor lag",
        "proj lag",
        "cpu ms/cmd",
        "db cpu ms",
        "writes/cmd",
        "KiB/cmd",
        "jit %");
  }
}
