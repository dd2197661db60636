package org.kpledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kpledger.generate.YearGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp generate}: a synthetic CAR country-year, submitted as signed commands. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic country-year (at size 1: 1,000 miners, 250 collectors, 10 buying"
          + " offices, 300 sites, 100,000 purchase slips, 50 shipments) through signed commands.",
      "Interrupt it at any point and run the same command again: it resumes, and never records"
          + " a command twice."
    })
class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "The node's data directory (its trust directory enrols the generated CAs)")
  Path dataDir;

  @Option(
      names = "--state",
      description = "Generator state directory (default: <data-dir>/generator)")
  Path state;

  @Option(names = "--size", defaultValue = "1", description = "Scale factor: 1 = CAR, 10 = 10x")
  double size;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the plan")
  long seed;

  @Option(names = "--prefix", description = "Prefix of every generated id (default: G<seed>)")
  String prefix;

  @Option(names = "--threads", defaultValue = "4", description = "Client threads")
  int threads;

  @Option(
      names = "--batch-size",
      defaultValue = "100",
      description =
          "Consecutive steps to be accepted sent per all-or-nothing batch (1: one request each)")
  int batchSize;

  @Option(
      names = "--stop-after",
      defaultValue = "0",
      description = "Stop after this many commands (to try resuming); 0 = run to the end")
  long stopAfter;

  @Option(names = "--progress-seconds", defaultValue = "5", description = "Progress interval")
  double progressSeconds;

  @Override
  public Integer call() throws Exception {
    YearGenerator generator = new YearGenerator(options(), System.err);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              System.err.println("[generate] interrupted: finishing the commands in flight");
              generator.stop();
              try {
                finished.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return generator.run().complete() ? 0 : 1;
    } finally {
      finished.countDown();
    }
  }

  YearGenerator.Options options() {
    String p = prefix == null ? YearGenerator.defaultPrefix(seed) : prefix;
    return new YearGenerator.Options(
        url,
        dataDir,
        state == null ? dataDir.resolve("generator") : state,
        size,
        seed,
        p,
        threads,
        batchSize,
        stopAfter,
        progressSeconds);
  }
}
