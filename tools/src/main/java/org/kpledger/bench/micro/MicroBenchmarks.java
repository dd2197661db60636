package org.kpledger.bench.micro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kpledger.bench.Machine;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the micro-benchmarks with JMH's {@link Runner} from this JVM's classpath (the packaged jar)
 * in throughput and average-time modes, then prints the machine and one row per benchmark: ops/s
 * and µs/op with JMH's 99.9% error. Forked JVMs get the classes through {@link ForkClasspath}.
 */
public final class MicroBenchmarks {
  /** Benchmarks of this package, the default selection. */
  public static final String ALL = "org\\.kpledger\\.bench\\.micro\\.";

  private final boolean quick;
  private final String include;
  private final int forks;
  private final boolean verbose;

  /**
   * @param quick a smoke run: 1 warmup and 1 measurement iteration of 1 s (figures not comparable)
   * @param include a regular expression found in the benchmark's name ({@link #ALL} for all)
   * @param forks JVMs per benchmark, 0 to run in this JVM; null for the default (1 quick, else 2)
   * @param verbose print JMH's own progress log
   */
  public MicroBenchmarks(boolean quick, String include, Integer forks, boolean verbose) {
    this.quick = quick;
    this.include = include;
    this.forks = forks != null ? forks : quick ? 1 : 2;
    this.verbose = verbose;
  }

  /** Runs the selected benchmarks and prints the table. */
  public void run() throws Exception {
    int warmups = quick ? 1 : 3;
    int iterations = quick ? 1 : 5;
    TimeValue time = TimeValue.seconds(quick ? 1 : 2);
    System.out.printf(
        "JMH micro-benchmarks matching /%s/: %s, warmup %d x %s, measurement %d x %s, 1 thread%s%n",
        include,
        forks == 0 ? "in this JVM (no fork)" : forks + " forked JVM(s) each",
        warmups,
        time,
        iterations,
        time,
        quick ? " (--quick: a smoke run, figures not comparable)" : "");
    Collection<RunResult> results;
    String ownClasspath = System.getProperty("java.class.path");
    try (ForkClasspath classpath = forks == 0 ? null : ForkClasspath.forThisJvm()) {
      if (classpath != null) {
        // JMH reads the forks' -cp from this property when it starts each fork
        System.setProperty("java.class.path", classpath.classpath());
      }
      // one run per mode, each in its natural unit, so JMH's own log reads well too
      results = new ArrayList<>(run(Mode.Throughput, TimeUnit.SECONDS, warmups, iterations, time));
      results.addAll(run(Mode.AverageTime, TimeUnit.MICROSECONDS, warmups, iterations, time));
    } finally {
      System.setProperty("java.class.path", ownClasspath);
    }
    System.out.println();
    System.out.println(Machine.describe());
    System.out.print(table(results));
  }

  private Collection<RunResult> run(
      Mode mode, TimeUnit unit, int warmups, int iterations, TimeValue time)
      throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(include)
            .mode(mode)
            .timeUnit(unit)
            .forks(forks)
            .warmupIterations(warmups)
            .warmupTime(time)
            .measurementIterations(iterations)
            .measurementTime(time)
            .threads(1)
            .shouldFailOnError(true)
            .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
            .build();
    return new Runner(options).run();
  }

  /** One row per benchmark and parameter set: its throughput and average time side by side. */
  static String table(Collection<RunResult> results) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (RunResult r : results) {
      BenchmarkParams p = r.getParams();
      String[] row = rows.computeIfAbsent(label(p), k -> new String[] {"", "", "", ""});
      Result<?> s = r.getPrimaryResult();
      int at = p.getMode() == Mode.Throughput ? 0 : 2;
      String number = at == 0 ? "%,.0f" : "%,.3f";
      row[at] = String.format(number, s.getScore());
      row[at + 1] =
          Double.isNaN(s.getScoreError()) ? "n/a" : String.format(number, s.getScoreError());
    }
    String format = "%-48s %12s %10s %12s %10s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "benchmark", "ops/s", "± 99.9%", "us/op", "± 99.9%"));
    rows.forEach((label, v) -> out.append(String.format(format, label, v[0], v[1], v[2], v[3])));
    return out.toString();
  }

  /** {@code EcdsaVerify.verify provider=BC}: class without "Benchmark", method, parameters. */
  private static String label(BenchmarkParams p) {
    String[] parts = p.getBenchmark().split("\\.");
    StringBuilder label =
        new StringBuilder(parts[parts.length - 2].replaceFirst("Benchmark$", ""))
            .append('.')
            .append(parts[parts.length - 1]);
    for (String key : p.getParamsKeys()) {
      label.append(' ').append(key).append('=').append(p.getParam(key));
    }
    return label.toString();
  }
}
