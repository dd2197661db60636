package org.kpledger.cli;

import java.util.concurrent.Callable;
import org.kpledger.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp bench ingest}: the ingest benchmark (a program that prints figures, not a test). */
@Command(
    name = "bench",
    description = "Benchmarks that print figures.",
    subcommands = BenchCommand.Ingest.class,
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

    @Override
    public Integer call() throws Exception {
      new IngestBenchmark(seconds, threads, maxRate, IngestBenchmark.freshDataDir()).run();
      return 0;
    }
  }
}
