package org.kpledger.cli;

import java.util.concurrent.Callable;
import org.kpledger.bench.IngestBenchmark;
import org.kpledger.bench.VerifyBenchmark;
import org.kpledger.bench.micro.MicroBenchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kp bench ingest|verify|read|micro|anchor}: benchmarks (programs that print figures, not
 * tests).
 */
@Command(
    name = "bench",
    description = "Benchmarks that print figures.",
    subcommands = {
      BenchCommand.Ingest.class,
      BenchCommand.Verify.class,
      BenchCommand.Read.class,
      BenchCommand.Console.class,
      BenchCommand.Micro.class,
      BenchCommand.Anchor.class
    },
    mixinStandardHelpOptions = true)
class BenchCommand {

  /** Signed commands per second over HTTP, against the unsigned Axon path. */
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description =
          "Ingest throughput and latency on a fresh H2 file database (or the database that"
              + " --node-arg names).")
  static class Ingest implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each timed phase")
    int seconds;

    @Option(
        names = "--warmup",
        defaultValue = "60",
        description = "Seconds of untimed load on every path first, for the JIT (0: none)")
    int warmup;

    @Option(
        names = "--jit-settle-seconds",
        defaultValue = "300",
        description =
            "After the warm-up, run again (15 s rounds) each path whose last warm-up round the JIT"
                + " compilers took a tenth or more of the CPU in, for at most this long (0: don't)")
    int jitSettleSeconds;

    @Option(
        names = "--threads",
        split = ",",
        defaultValue = "1,2,4,8",
        description = "Client thread counts")
    int[] threads;

    @Option(
        names = "--max-rate",
        defaultValue = "4000",
        description = "Commands/s the pre-signed supply is sized for")
    int maxRate;

    @Option(
        names = "--batch-sizes",
        split = ",",
        defaultValue = "20,100",
        description =
            "Envelopes per POST /api/commands/batch, one set of batched phases each (0: none)")
    int[] batchSizes;

    @Option(
        names = "--node-arg",
        description =
            "A node setting for this run, e.g. --node-arg=--spring.datasource.url=... (repeatable)")
    java.util.List<String> nodeArgs = new java.util.ArrayList<>();

    @Option(
        names = "--report-at-events",
        split = ",",
        defaultValue = "150000",
        description =
            "Describe the database the moments the event store passes these numbers of events (on"
                + " H2: the file, its live data and their ratio; issue #20's target is at 150,000),"
                + " whatever the machine's speed; 0: only at the end")
    long[] reportAtEvents;

    @Option(
        names = "--rest-seconds",
        defaultValue = "300",
        description =
            "After the last phase, on H2, wait up to this long for the node's compaction to settle"
                + " the file (the description unchanged for 10 s) and describe it again; 0: don't")
    int restSeconds;

    @Override
    public Integer call() throws Exception {
      if (restSeconds < 0) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--rest-seconds must not be negative, not " + restSeconds);
      }
      if (jitSettleSeconds < 0) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--jit-settle-seconds must not be negative, not " + jitSettleSeconds);
      }
      java.nio.file.Path dir = IngestBenchmark.freshDataDir();
      try {
        new IngestBenchmark(
                seconds, warmup, threads, maxRate, batchSizes, dir, nodeArgs, reportAtEvents)
            .restWithin(java.time.Duration.ofSeconds(restSeconds))
            .settleJitWithin(java.time.Duration.ofSeconds(jitSettleSeconds))
            .run();
      } finally {
        // a run leaves gigabytes of H2 file behind; its figures are in the table
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
      }
      return 0;
    }
  }

  /** Anchoring on a live Fabric network against one Fabric transaction per event. */
  @Command(
      name = "anchor",
      mixinStandardHelpOptions = true,
      description = {
        "Anchoring latency (command acknowledged to head committed on the channel), Fabric"
            + " transactions per 1,000 events and events/s, on the live network that"
            + " --network-properties describes (network-config/bin/network.sh up), next to a"
            + " baseline in the same run that writes one Fabric transaction per event.",
        "The node runs in this process on a fresh H2 file (or the database --node-arg names); its"
            + " key is certified by the network's CAR KP authority CA and registered first."
      })
  static class Anchor implements Callable<Integer> {
    @Option(
        names = "--network-properties",
        defaultValue = "${sys:kp.home:-.}/network-config/work/network.properties",
        description = "The network's description (default: ${DEFAULT-VALUE})")
    java.nio.file.Path networkProperties;

    @Option(
        names = "--seconds",
        defaultValue = "30",
        description = "Length of the anchored phase (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(
        names = "--threads",
        defaultValue = "2",
        description = "Client threads sending signed commands (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
        names = "--baseline-seconds",
        defaultValue = "30",
        description = "Length of the one-transaction-per-event phase (default: ${DEFAULT-VALUE})")
    int baselineSeconds;

    @Option(
        names = "--node-arg",
        description =
            "A node setting for this run, e.g. --node-arg=--kp.anchoring.every-leaves=500")
    java.util.List<String> nodeArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kp-bench-anchor");
      try {
        new org.kpledger.bench.AnchorBenchmark(
                networkProperties, seconds, threads, baselineSeconds, dir, nodeArgs)
            .run();
      } finally {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
      }
      return 0;
    }
  }

  /** Query latency and projection rebuild time over a generated country-year. */
  @Command(
      name = "read",
      mixinStandardHelpOptions = true,
      description = {
        "Query latency (trace back of a shipment, holdings as of a date, mass balance of a"
            + " buying office) and projection rebuild time over a generated year.",
        "Generates the year into --data-dir first (resumable: run again after an interruption),"
            + " or reuses it when complete."
      })
  static class Read extends OverAYear {
    @Option(
        names = "--only",
        split = ",",
        paramLabel = "ROW",
        description = {
          "Time only these rows (repeatable, or comma-separated): trace-afresh, trace-walked,"
              + " trace-kept, trace-page, holdings, balance; trace names the four trace rows"
              + " (default: every row)"
        })
    java.util.List<String> only = new java.util.ArrayList<>();

    @Option(
        names = "--skip-rebuild",
        description = "Do not time a rebuild of every projection after the queries")
    boolean skipRebuild;

    @Option(
        names = "--no-settle",
        description =
            "Time the queries as soon as the projections have caught up, without waiting for the"
                + " node's embedded H2 file to settle (its compaction after the node starts)")
    boolean noSettle;

    @Override
    public Integer call() throws Exception {
      java.util.Set<org.kpledger.bench.ReadBenchmark.Row> rows;
      try {
        rows =
            only.isEmpty()
                ? java.util.EnumSet.allOf(org.kpledger.bench.ReadBenchmark.Row.class)
                : org.kpledger.bench.ReadBenchmark.Row.select(only);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      return new org.kpledger.bench.ReadBenchmark(
                  year(), samples, nodeArgs, rows, !skipRebuild, !noSettle)
              .run()
          ? 0
          : 1;
    }
  }

  /** The options of a benchmark over a generated country-year, and the year they name. */
  abstract static class OverAYear implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", defaultValue = "1", description = "Scale of the year (1 = CAR)")
    double size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the year")
    long seed;

    @Option(
        names = "--data-dir",
        description = "The node's data directory (default: bench-data/read-<size>)")
    java.nio.file.Path dataDir;

    @Option(names = "--threads", defaultValue = "4", description = "Generator client threads")
    int threads;

    @Option(
        names = "--batch-size",
        defaultValue = "100",
        description = "Generator steps per all-or-nothing batch (1: one request each)")
    int batchSize;

    @Option(names = "--samples", defaultValue = "200", description = "Timed queries of each kind")
    int samples;

    @Option(
        names = "--node-arg",
        description =
            "A node setting, e.g. --node-arg=--spring.datasource.url=jdbc:postgresql://... (the"
                + " database must be empty or hold the year in --data-dir; repeatable)")
    java.util.List<String> nodeArgs = new java.util.ArrayList<>();

    /** The year these options name, in {@code bench-data/read-<size>} unless --data-dir. */
    org.kpledger.generate.YearGenerator.Options year() {
      java.nio.file.Path dir =
          dataDir != null ? dataDir : java.nio.file.Path.of("bench-data", "read-" + size);
      return new org.kpledger.generate.YearGenerator.Options(
          null,
          dir,
          dir.resolve("generator"),
          size,
          seed,
          org.kpledger.generate.YearGenerator.defaultPrefix(seed),
          threads,
          batchSize,
          0,
          10);
    }
  }

  /** The server time of each page of the web console over a generated country-year. */
  @Command(
      name = "console",
      mixinStandardHelpOptions = true,
      description = {
        "Server time of each page of the web console (issue #16): its requests replayed as the"
            + " page sends them, signed as its reader, with ids drawn from a generated year;"
            + " p50/p95/p99 of each page's total over --samples openings.",
        "Uses the same year as `kp bench read` (same --size, --seed and --data-dir): generates"
            + " it first (resumable), or reuses it when complete."
      })
  static class Console extends OverAYear {
    @Override
    public Integer call() throws Exception {
      return new org.kpledger.bench.ConsoleBenchmark(year(), samples, nodeArgs).run() ? 0 : 1;
    }
  }

  /** Audit bundle verification throughput and proof latency. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Events verified per second (full and hash-only) and proof latency at 1M leaves.")
  static class Verify implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "20000", description = "Events, full verification")
    int events;

    @Option(
        names = "--hash-only-events",
        defaultValue = "500000",
        description = "Events, hash-only verification")
    int hashOnlyEvents;

    @Option(
        names = "--proof-leaves",
        defaultValue = "1000000",
        description = "Leaves of the tree proofs are timed on")
    long proofLeaves;

    @Override
    public Integer call() throws Exception {
      new VerifyBenchmark(events, hashOnlyEvents, proofLeaves).run();
      return 0;
    }
  }

  /** JMH micro-benchmarks of the per-command and per-event work, from the packaged jar. */
  @Command(
      name = "micro",
      mixinStandardHelpOptions = true,
      description =
          "JMH micro-benchmarks: ECDSA verification by provider, RFC 8785, the envelope check,"
              + " leaf hash and Merkle append (ops/s and us/op).")
  static class Micro implements Callable<Integer> {
    @Option(
        names = "--quick",
        description = "Smoke run: 1 warmup and 1 measurement iteration of 1 s, 1 fork")
    boolean quick;

    @Option(
        names = "--forks",
        description = "JVMs per benchmark, 0 to run in this JVM (default 2, or 1 with --quick)")
    Integer forks;

    @Option(names = "--verbose", description = "Print JMH's own progress log")
    boolean verbose;

    @Parameters(
        arity = "0..1",
        paramLabel = "REGEXP",
        description = "Only benchmarks whose name contains a match, e.g. Ecdsa")
    String include = MicroBenchmarks.ALL;

    @Override
    public Integer call() throws Exception {
      new MicroBenchmarks(quick, include, forks, verbose).run();
      return 0;
    }
  }
}
