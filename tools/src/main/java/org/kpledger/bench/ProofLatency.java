package org.kpledger.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;
import org.kpledger.merkle.ProofVerifier;
import org.kpledger.merkle.jdbc.JdbcNodeStore;

/**
 * Inclusion and consistency proof latency on the node's own store: a {@link JdbcNodeStore} on an H2
 * file database grown to {@code leaves} leaves, each proof one indexed query, then verified.
 */
final class ProofLatency {
  private ProofLatency() {}

  static String measure(long leaves, int samples) throws Exception {
    Path dir = Files.createTempDirectory("kp-bench-proofs");
    try {
      return measureIn(dir, leaves, samples);
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }

  private static String measureIn(Path dir, long leaves, int samples) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("merkle") + ";WRITE_DELAY=0");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    try (HikariDataSource db = new HikariDataSource(config)) {
      NodeStore store = new JdbcNodeStore(db::getConnection).createTablesIfAbsent();
      MerkleLog log = new MerkleLog(store);
      long t0 = System.nanoTime();
      List<byte[]> batch = new ArrayList<>(10_000);
      for (long i = 0; i < leaves; i++) {
        batch.add(MerkleHash.leafHash(Long.toString(i).getBytes(StandardCharsets.UTF_8)));
        if (batch.size() == 10_000 || i == leaves - 1) {
          log.appendAll(batch);
          batch.clear();
        }
      }
      double fill = (System.nanoTime() - t0) / 1e9;
      byte[] root = log.root();
      SplittableRandom random = new SplittableRandom(7);
      long[] inclusion = new long[samples];
      long[] consistency = new long[samples];
      long[] verify = new long[samples];
      for (int s = 0; s < samples; s++) {
        long index = random.nextLong(leaves);
        byte[] leaf = MerkleHash.leafHash(Long.toString(index).getBytes(StandardCharsets.UTF_8));
        long a = System.nanoTime();
        List<byte[]> proof = log.inclusionProof(index, leaves);
        long b = System.nanoTime();
        ProofVerifier.verifyInclusion(index, leaves, leaf, proof, root);
        long c = System.nanoTime();
        long older = 1 + random.nextLong(leaves - 1);
        List<byte[]> cp = log.consistencyProof(older, leaves);
        long d = System.nanoTime();
        inclusion[s] = b - a;
        verify[s] = c - b;
        consistency[s] = d - c;
        if (cp.isEmpty() && older != leaves) {
          throw new IllegalStateException("empty consistency proof");
        }
      }
      return String.format(
          "proofs at %,d leaves (H2 file, JdbcNodeStore; filled in %.1f s), %d samples:%n"
              + "  inclusion proof    p50 %.2f ms  p99 %.2f ms%n"
              + "  its verification   p50 %.3f ms  p99 %.3f ms%n"
              + "  consistency proof  p50 %.2f ms  p99 %.2f ms%n",
          leaves,
          fill,
          samples,
          ms(inclusion, 50),
          ms(inclusion, 99),
          ms(verify, 50),
          ms(verify, 99),
          ms(consistency, 50),
          ms(consistency, 99));
    }
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int at = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, at)] / 1e6;
  }
}
