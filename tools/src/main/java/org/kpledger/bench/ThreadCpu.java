package org.kpledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process by kind of thread: Java threads from the JVM's thread CPU clocks, the
 * JVM's own threads (the JIT compilers, the garbage collector) from Linux's {@code
 * /proc/self/task}. Unlike a JFR execution sample it counts native code and those JVM threads,
 * which a short run on two cores spends a good part of its CPU in.
 */
final class ThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final String CLIENTS = "benchmark clients (the unsigned commands run on them)";
  private static final java.util.concurrent.atomic.AtomicLong ENDED_CLIENTS =
      new java.util.concurrent.atomic.AtomicLong();
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux
  private static final String JIT = "JIT compilers";

  /** The JVM's own threads (Linux shows 15 characters of a thread's name), by group. */
  private static final List<Map.Entry<String, String>> JVM_THREADS =
      List.of(
          Map.entry("C2 Compiler", JIT),
          Map.entry("C1 Compiler", JIT),
          Map.entry("GC Thread", "garbage collector"),
          Map.entry("G1 ", "garbage collector"),
          // ZGC's (the PostgreSQL runs' collector): ZWorker#n, ZDriver, ZDirector, ZStat, ...
          Map.entry("ZWorker", "garbage collector"),
          Map.entry("ZDriver", "garbage collector"),
          Map.entry("ZDirector", "garbage collector"),
          Map.entry("ZStat", "garbage collector"),
          Map.entry("ZUnmapper", "garbage collector"),
          Map.entry("ZUncommit", "garbage collector"),
          Map.entry("VM Thread", "garbage collector"));

  /** Java thread-name prefixes, in the order they are matched, and the group each belongs to. */
  private static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry("http-nio-", "request threads (Tomcat)"),
          Map.entry("kp-command-group-writer", "command group writer"),
          Map.entry("EventProcessor[anchoring]", "anchoring processor"),
          Map.entry("EventProcessor[projections]", "projections processor"),
          Map.entry("EventProcessor", "processors' other threads"),
          Map.entry("bench-client", CLIENTS),
          Map.entry("HttpClient", CLIENTS),
          Map.entry("EmbeddedEventStore", "event store reader (feeds the processors)"),
          Map.entry("kp-h2-", "H2 compaction"));

  private ThreadCpu() {}

  /**
   * CPU nanoseconds so far of every thread alive now, keyed by thread ("java:" id or "task:" Linux
   * id) with its group, so that threads started or ended between two snapshots count only for the
   * time they were seen.
   */
  static Map<String, Map.Entry<String, Long>> snapshot() {
    Map<String, Map.Entry<String, Long>> out = new LinkedHashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(t -> addJvmThread(out, t));
    } catch (IOException e) {
      // not Linux: Java threads only
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = t == null ? -1 : threads.getThreadCpuTime(t.getThreadId());
      if (nanos > 0) {
        out.put("java:" + t.getThreadId(), Map.entry(group(t.getThreadName()), nanos));
      }
    }
    out.put("ended clients", Map.entry(CLIENTS, ENDED_CLIENTS.get()));
    return out;
  }

  /**
   * Called by a benchmark client thread as it ends: its CPU time would otherwise be missing from
   * the next snapshot.
   */
  static void clientThreadEnds() {
    ENDED_CLIENTS.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
  }

  /** CPU spent per group between two snapshots, by the threads alive at the second. */
  static Map<String, Long> spent(
      Map<String, Map.Entry<String, Long>> before, Map<String, Map.Entry<String, Long>> after) {
    Map<String, Long> out = new LinkedHashMap<>();
    after.forEach(
        (thread, now) -> {
          Map.Entry<String, Long> then = before.get(thread);
          long delta = now.getValue() - (then == null ? 0 : then.getValue());
          out.merge(now.getKey(), Math.max(0, delta), Long::sum);
        });
    return out;
  }

  /**
   * The JIT compilers' share (0 to 1) of the CPU spent between two snapshots ({@link #spent}); 0
   * when nothing was spent or the compilers' threads are not visible (not Linux).
   */
  static double jitShare(Map<String, Long> spent) {
    long total = spent.values().stream().mapToLong(Long::longValue).sum();
    return total == 0 ? 0 : (double) spent.getOrDefault(JIT, 0L) / total;
  }

  /** Lines of "group share" of CPU spent per group ({@link #spent}). */
  static String table(String title, Map<String, Long> spent) {
    long total = spent.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder b = new StringBuilder();
    b.append(String.format("%s: %.1f s of CPU (/proc, every thread)%n", title, total / 1e9));
    spent.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() > 0)
        .forEach(
            e ->
                b.append(
                    String.format("  %-45s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / total)));
    return b.toString();
  }

  private static void addJvmThread(Map<String, Map.Entry<String, Long>> out, Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = stat.substring(open + 1, close);
      String[] f = stat.substring(close + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      JVM_THREADS.stream()
          .filter(g -> name.startsWith(g.getKey()))
          .findFirst()
          .ifPresent(
              g ->
                  out.put(
                      "task:" + task.getFileName(), Map.entry(g.getValue(), ticks * TICK_NANOS)));
    } catch (IOException | RuntimeException e) {
      // the thread ended while being read
    }
  }

  private static String group(String name) {
    for (Map.Entry<String, String> g : GROUPS) {
      if (name.startsWith(g.getKey())) {
        return g.getValue();
      }
    }
    return "other threads";
  }
}
