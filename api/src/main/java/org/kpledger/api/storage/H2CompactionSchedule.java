package org.kpledger.api.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs {@link H2Compaction} on the node's database when it is an embedded H2 file ({@code
 * kp.h2.compaction.*}), and its flush to disk ({@code kp.h2.sync-interval}); stops both before the
 * database closes. Warns when H2's retention time is not several flushes long: H2 would then reuse
 * the space of chunks that newer chunks replaced before those are surely on disk.
 */
@Component
class H2CompactionSchedule implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(H2CompactionSchedule.class);
  private static final long H2_DEFAULT_RETENTION_MILLIS = 45_000;
  private final Optional<H2Compaction> compaction;

  H2CompactionSchedule(
      DataSource dataSource,
      @Value("${kp.h2.compaction.enabled:true}") boolean enabled,
      @Value("${kp.h2.compaction.interval:PT1S}") Duration interval,
      @Value("${kp.h2.compaction.target-fill-rate:80}") int targetFillRate,
      @Value("${kp.h2.compaction.pass-bytes:1048576}") int passBytes,
      @Value("${kp.h2.compaction.budget:PT0.5S}") Duration budget,
      @Value("${kp.h2.compaction.rewrite-share:200}") int rewriteShare,
      @Value("${kp.h2.compaction.lock-misses:50}") int lockMisses,
      @Value("${kp.h2.compaction.move-below:80}") int moveBelow,
      @Value("${kp.h2.compaction.move-bytes:4194304}") int moveBytes,
      @Value("${kp.h2.sync-interval:PT0.25S}") Duration syncInterval)
      throws SQLException {
    boolean syncs = !syncInterval.isZero() && !syncInterval.isNegative();
    var settings =
        new H2Compaction.Settings(
            targetFillRate, passBytes, budget, rewriteShare, lockMisses, moveBelow, moveBytes);
    this.compaction = enabled || syncs ? H2Compaction.of(dataSource, settings) : Optional.empty();
    compaction.ifPresent(
        c -> {
          if (enabled) {
            c.every(interval);
            LOG.info(
                "H2 file compaction every {} while under {} % live (now {} %), rewriting up to {} %"
                    + " of the bytes written; chunks moved while they fill under {} % of the file",
                interval, targetFillRate, c.chunksFillRate(), rewriteShare, moveBelow);
          }
          if (syncs) {
            c.syncEvery(syncInterval);
          }
          int retention = c.retentionMillis();
          // without the node's flush, H2's own default (45 s) is what H2 assumes the operating
          // system takes to write its buffers to disk
          long safe = syncs ? 3 * syncInterval.toMillis() : H2_DEFAULT_RETENTION_MILLIS;
          if (retention >= 0 && retention < safe) {
            LOG.warn(
                "H2 RETENTION_TIME={} ms with {}: H2 may reuse a dead chunk's space before the"
                    + " chunks that replaced it are on disk, and a power cut could then damage the"
                    + " file; keep RETENTION_TIME at least {} ms",
                retention,
                syncs ? "a flush every " + syncInterval : "no flush (kp.h2.sync-interval=0)",
                safe);
          }
        });
  }

  @Override
  public void destroy() {
    compaction.ifPresent(H2Compaction::close);
  }
}
