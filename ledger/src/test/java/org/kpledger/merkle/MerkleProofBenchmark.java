package org.kpledger.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Rough benchmark, not a test: builds a log of 1,000,000 leaves in memory and prints append
 * throughput and the p50/p99 latency of proof generation and verification at that size. Run after
 * {@code mvn -pl ledger test-compile} with {@code java -cp
 * ledger/target/classes:ledger/target/test-classes org.kpledger.merkle.MerkleProofBenchmark
 * [leaves]}.
 */
public final class MerkleProofBenchmark {

  private static final int BATCH = 1000;
  private static final int SAMPLES = 100_000;

  private MerkleProofBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional number of leaves, default 1,000,000
   * @throws ProofException never, unless the library is broken
   */
  public static void main(String[] args) throws ProofException {
    int leaves = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d processors, max heap %d MiB%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    long start = System.nanoTime();
    List<byte[]> hashes = new ArrayList<>(leaves);
    for (int i = 0; i < leaves; i++) {
      hashes.add(MerkleHash.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(i).array()));
    }
    rate("leaf hashing (SHA-256 of 0x00 || 8 bytes)", leaves, System.nanoTime() - start);
    appendSingly(hashes.subList(0, Math.min(leaves, 100_000)));
    appendSingly(hashes);
    MerkleLog log = appendInBatches(hashes);
    Random random = new Random(42);
    long n = log.size();
    for (int pass = 1; pass <= 2; pass++) {
      String label = pass == 1 ? " (warm-up)" : "";
      long[] incl = new long[SAMPLES];
      long[] cons = new long[SAMPLES];
      long[] verifyIncl = new long[SAMPLES];
      long[] verifyCons = new long[SAMPLES];
      byte[] root = log.root(n);
      for (int i = 0; i < SAMPLES; i++) {
        long index = random.nextLong(n);
        long t0 = System.nanoTime();
        List<byte[]> proof = log.inclusionProof(index, n);
        long t1 = System.nanoTime();
        ProofVerifier.verifyInclusion(index, n, hashes.get((int) index), proof, root);
        long t2 = System.nanoTime();
        incl[i] = t1 - t0;
        verifyIncl[i] = t2 - t1;
        long size1 = 1 + random.nextLong(n - 1);
        byte[] root1 = log.root(size1);
        t0 = System.nanoTime();
        proof = log.consistencyProof(size1, n);
        t1 = System.nanoTime();
        ProofVerifier.verifyConsistency(size1, n, root1, root, proof);
        t2 = System.nanoTime();
        cons[i] = t1 - t0;
        verifyCons[i] = t2 - t1;
      }
      percentiles("inclusion proof at n=" + n + label, incl);
      percentiles("verify inclusion" + label, verifyIncl);
      percentiles("consistency proof m<n=" + n + label, cons);
      percentiles("verify consistency" + label, verifyCons);
    }
    readsPerProof(hashes);
  }

  private static void appendSingly(List<byte[]> hashes) {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    long start = System.nanoTime();
    hashes.forEach(log::append);
    rate(
        "append(), one leaf per call, " + hashes.size() + " leaves",
        hashes.size(),
        System.nanoTime() - start);
  }

  private static MerkleLog appendInBatches(List<byte[]> hashes) {
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    long start = System.nanoTime();
    for (int i = 0; i < hashes.size(); i += BATCH) {
      log.appendAll(hashes.subList(i, Math.min(i + BATCH, hashes.size())));
    }
    rate(
        "appendAll(), " + BATCH + " leaves per call, " + hashes.size() + " leaves",
        hashes.size(),
        System.nanoTime() - start);
    return log;
  }

  private static void readsPerProof(List<byte[]> hashes) {
    CountingNodeStore store = new CountingNodeStore(new InMemoryNodeStore());
    MerkleLog log = new MerkleLog(store);
    for (int i = 0; i < hashes.size(); i += BATCH) {
      log.appendAll(hashes.subList(i, Math.min(i + BATCH, hashes.size())));
    }
    Random random = new Random(7);
    long n = log.size();
    long inclusionMax = 0;
    long consistencyMax = 0;
    long inclusionSum = 0;
    long consistencySum = 0;
    for (int i = 0; i < SAMPLES; i++) {
      store.reset();
      log.inclusionProof(random.nextLong(n), n);
      inclusionMax = Math.max(inclusionMax, store.nodesRead);
      inclusionSum += store.nodesRead;
      store.reset();
      log.consistencyProof(1 + random.nextLong(n - 1), n);
      consistencyMax = Math.max(consistencyMax, store.nodesRead);
      consistencySum += store.nodesRead;
    }
    System.out.printf(
        Locale.ROOT,
        "node reads per proof at n=%d: inclusion mean %.1f max %d, "
            + "consistency mean %.1f max %d (one getAll call each)%n",
        n,
        (double) inclusionSum / SAMPLES,
        inclusionMax,
        (double) consistencySum / SAMPLES,
        consistencyMax);
  }

  private static void rate(String what, long count, long nanos) {
    System.out.printf(
        Locale.ROOT, "%-60s %,12.0f leaves/s (%.2f s)%n", what, count * 1e9 / nanos, nanos / 1e9);
  }

  private static void percentiles(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-60s p50 %6.1f us  p99 %6.1f us  max %8.1f us  (%d samples)%n",
        what,
        sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3,
        sorted[sorted.length - 1] / 1e3,
        sorted.length);
  }
}
