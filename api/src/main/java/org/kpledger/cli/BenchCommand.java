package org.kpledger.cli;

import java.util.concurrent.Callable;
import org.kpledger.bench.IngestBenchmark;
import org.kpledger.bench.VerifyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp bench ingest|verify}: benchmarks (programs that print figures, not tests). */
@Command(
    name = "bench",
    description = "Benchmarks that print figures.",
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Verify.class},
    mixinStandardHelpOptions = true)
class BenchCommand {

  /** Signed commands per second over HTTP, against the unsigned Axon path. */
  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = "Ingest throughput and latency on a fresh H2 file database.")
  static class Ingest implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "20", description = "Length of each timed phase")
    int seconds;

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
        names = "--node-arg",
        description =
            "A node setting for this run, e.g. --node-arg=--spring.datasource.url=... (repeatable)")
    java.util.List<String> nodeArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
      new IngestBenchmark(seconds, threads, maxRate, IngestBenchmark.freshDataDir(), nodeArgs)
          .run();
      return 0;
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
}
