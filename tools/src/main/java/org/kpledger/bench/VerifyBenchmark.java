package org.kpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;

/**
 * Audit bundle verification throughput (full: envelopes, actor signatures, certificates, leaf
 * hashes, heads; and hash-only), each on a synthetic range bundle read from a zip file on every
 * core, and proof latency at a million leaves.
 */
public final class VerifyBenchmark {
  private final int fullEvents;
  private final int hashOnlyEvents;
  private final long proofLeaves;

  /**
   * @param fullEvents events in the full-verification bundle, each with its own signed envelope
   * @param hashOnlyEvents events in the hash-only bundle
   * @param proofLeaves leaves in the tree proofs are timed on
   */
  public VerifyBenchmark(int fullEvents, int hashOnlyEvents, long proofLeaves) {
    this.fullEvents = fullEvents;
    this.hashOnlyEvents = hashOnlyEvents;
    this.proofLeaves = proofLeaves;
  }

  /** Runs everything and prints the figures. */
  public void run() throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    SyntheticBundle world = new SyntheticBundle();
    StringBuilder out = new StringBuilder();
    Path full = world.write(fullEvents, fullEvents);
    AuditReport warm = verify(world, full, false, threads);
    AuditReport measured = verify(world, full, false, threads);
    out.append(line("full (signatures, certificates, hashes, heads)", measured, full));
    Files.deleteIfExists(full);
    Path hashes = world.write(hashOnlyEvents, 1000);
    verify(world, hashes, true, threads);
    out.append(
        line(
            "hash-only (leaf hashes, exactly once, heads)",
            verify(world, hashes, true, threads),
            hashes));
    Files.deleteIfExists(hashes);
    if (!warm.isClean()) {
      throw new IllegalStateException("the synthetic bundle does not verify:\n" + warm.format());
    }
    out.append(ProofLatency.measure(proofLeaves, 2000));
    System.out.println();
    System.out.println(Machine.describe());
    System.out.print(out);
  }

  private static AuditReport verify(
      SyntheticBundle world, Path bundle, boolean hashOnly, int threads) throws Exception {
    AuditReport report =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.of(world.verifierKey()),
                    Optional.of(world.trust()),
                    Optional.empty(),
                    hashOnly,
                    threads))
            .verify(bundle);
    if (!report.isClean()) {
      throw new IllegalStateException("the synthetic bundle does not verify:\n" + report.format());
    }
    return report;
  }

  private static String line(String what, AuditReport r, Path bundle) throws Exception {
    double seconds = r.summary().elapsed().toNanos() / 1e9;
    return String.format(
        "%-48s %,9d events in %6.2f s = %,10.0f events/s (%d threads, bundle %,d MiB)%n",
        what,
        r.summary().events(),
        seconds,
        r.summary().events() / seconds,
        r.summary().threads(),
        Files.size(bundle) >> 20);
  }
}
