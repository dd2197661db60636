package org.kpledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.progress.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kp verify bundle.zip}: checks an audit bundle offline and prints every finding and a
 * summary. Exit code 0 when nothing failed, 1 when something did or the bundle cannot be read.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify an audit bundle offline (no server needed).")
class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The bundle (zip)")
  Path bundle;

  @Option(
      names = "--verifier-key",
      description = "The log's verifier key (name+id+key), or @FILE holding it; pin it!")
  String verifierKey;

  @Option(names = "--trust", description = "Directory of pinned organisation CA certificates (PEM)")
  Path trust;

  @Option(
      names = "--previous-checkpoint",
      description = "The last checkpoint you verified: the bundle must extend it")
  Path previous;

  @Option(
      names = "--save-checkpoint",
      description = "If nothing failed, write the bundle's newest checkpoint here")
  Path save;

  @Option(
      names = "--require-anchor",
      description =
          "A sink (e.g. fabric) whose evidence the newest head must have, whatever the bundle says;"
              + " repeatable")
  List<String> requiredAnchors = new ArrayList<>();

  @Option(names = "--hash-only", description = "Skip envelopes and certificates")
  boolean hashOnly;

  @Option(names = "--threads", description = "Worker threads (default: all cores)")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    String key = verifierKey;
    if (key != null && key.startsWith("@")) {
      key = Files.readString(Path.of(key.substring(1))).trim();
    }
    BundleVerifier.Options options =
        new BundleVerifier.Options(
            Optional.ofNullable(key),
            trust == null ? Optional.empty() : Optional.of(TrustAnchors.loadDirectory(trust)),
            previous == null ? Optional.empty() : Optional.of(Checkpoints.read(previous)),
            hashOnly,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
            Set.copyOf(requiredAnchors));
    AuditReport report;
    long start = System.nanoTime();
    try (ProgressLine progress = ProgressLine.onStderr("verify", java.time.Duration.ofSeconds(5))) {
      java.util.function.Supplier<String> status =
          () -> "verifying " + bundle + ", " + (System.nanoTime() - start) / 1_000_000_000L + " s";
      progress.update(status.get()); // at once, not only after the first interval
      progress.tickEvery(status);
      report = new BundleVerifier(options).verify(bundle);
    } catch (java.io.IOException e) {
      System.err.println("cannot read " + bundle + ": " + OneLineFailure.describe(e));
      return 1;
    }
    System.out.print(report.format());
    if (report.isClean() && save != null && report.summary().newestHead().isPresent()) {
      Files.writeString(save, report.summary().newestHead().get().note());
      System.out.println("saved the newest checkpoint to " + save);
    }
    return report.isClean() ? 0 : 1;
  }
}
