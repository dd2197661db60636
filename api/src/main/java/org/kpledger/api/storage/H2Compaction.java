package org.kpledger.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the live pages of the H2 file's sparsest chunks so that the space of the old chunks is
 * reused.
 *
 * <p>The node runs H2 with {@code WRITE_DELAY=0} so that every commit is written before it is
 * acknowledged. That setting also stops H2's background writer thread, which is where H2 compacts
 * its file: without it each commit leaves a chunk whose pages the next commits mostly supersede,
 * and the file only grows (measured: a 0.25 generated year of 80,728 events took 6.0 GB with its
 * chunks 10 % live; {@code SHUTDOWN COMPACT} brought it to 118 MB). This task does what that thread
 * would: every {@code interval}, while the live share of the chunks is under {@code
 * targetFillRate}, it asks the store to rewrite up to {@code passBytes} of live pages ({@link
 * MVStore#compact}) and commits them, until the pass has run for {@code budget}. H2 frees the old
 * chunks once they are older than its retention time (45 s) and writes new chunks into their space.
 * It never shortens that retention time (a torn last chunk falls back to older ones) and never
 * moves chunks, so it adds no window in which a crash could lose what a commit had written.
 */
public final class H2Compaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);
  private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  /** What one pass did: the chunks' live share before and after, and the bytes rewritten. */
  public record Pass(int fillRateBefore, int fillRateAfter, int rewrites) {}

  private final DataSource dataSource;
  private volatile MVStore store;
  private final int targetFillRate;
  private final int passBytes;
  private final Duration budget;
  private final ScheduledExecutorService timer;
  private long passesSinceReport;
  private long rewritesSinceReport;
  private long lastReport = System.nanoTime();

  private H2Compaction(
      DataSource dataSource, MVStore store, int targetFillRate, int passBytes, Duration budget) {
    this.dataSource = dataSource;
    this.store = store;
    this.targetFillRate = targetFillRate;
    this.passBytes = passBytes;
    this.budget = budget;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "h2-compaction");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The compaction of the embedded H2 file behind {@code dataSource}; empty for any other database
   * (a PostgreSQL server, an H2 server over TCP, an in-memory H2) which keeps its own storage.
   */
  public static Optional<H2Compaction> of(
      DataSource dataSource, int targetFillRate, int passBytes, Duration budget)
      throws SQLException {
    if (targetFillRate < 1 || targetFillRate > 99) {
      throw new IllegalArgumentException("targetFillRate must be 1 to 99, not " + targetFillRate);
    }
    return embeddedStore(dataSource)
        .map(store -> new H2Compaction(dataSource, store, targetFillRate, passBytes, budget));
  }

  static Optional<MVStore> embeddedStore(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!c.isWrapperFor(JdbcConnection.class)
          || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
        return Optional.empty();
      }
      var store = session.getDatabase().getStore();
      if (store == null
          || store.getMvStore().getFileStore() == null
          || store.getMvStore().getFileStore().isReadOnly()) {
        return Optional.empty();
      }
      return Optional.of(store.getMvStore());
    }
  }

  /** Runs a pass every {@code interval} from now on, on a daemon thread of its own. */
  public H2Compaction every(Duration interval) {
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The share of the chunks' pages that are live, in percent. */
  public int chunksFillRate() {
    return current().getFileStore().getChunksFillRate();
  }

  /**
   * The store of the database as it is now. H2 closes the database when a write fails (a full
   * disk); the connection pool then opens it again (EvictLostConnections), with a new store: follow
   * it, or the file would go uncompacted from then on.
   */
  private MVStore current() {
    MVStore s = store;
    if (s.isClosed()) {
      try {
        s = embeddedStore(dataSource).orElse(s);
      } catch (SQLException | RuntimeException stillClosed) {
        return s; // the pass finds it closed and does nothing; the next one looks again
      }
      store = s;
    }
    return s;
  }

  /** One pass, on the calling thread. */
  public Pass pass() {
    MVStore mv = current();
    int before = mv.getFileStore().getChunksFillRate();
    int rewrites = 0;
    int misses = 0;
    long deadline = System.nanoTime() + budget.toNanos();
    // compact() also answers false when it waited 10 ms for the store lock in vain, which is
    // common while commits stream in: give up on a pass only after a few of those in a row
    while (!mv.isClosed()
        && System.nanoTime() < deadline
        && misses < 5
        && mv.getFileStore().getChunksFillRate() < targetFillRate) {
      if (mv.compact(targetFillRate, passBytes)) {
        mv.commit();
        rewrites++;
        misses = 0;
      } else {
        misses++;
      }
    }
    return new Pass(before, mv.getFileStore().getChunksFillRate(), rewrites);
  }

  private void passQuietly() {
    try {
      Pass p = pass();
      passesSinceReport++;
      rewritesSinceReport += p.rewrites();
      if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
        // at most a line a minute, and none while there is nothing to rewrite: what an operator
        // needs to see that the file is kept in bounds
        if (rewritesSinceReport > 0) {
          LOG.info(
              "H2 file {} MiB, chunks {} % live; {} rewrites in {} passes in the last minute",
              store.getFileStore().size() >> 20,
              p.fillRateAfter(),
              rewritesSinceReport,
              passesSinceReport);
        }
        passesSinceReport = 0;
        rewritesSinceReport = 0;
        lastReport = System.nanoTime();
      }
    } catch (RuntimeException e) {
      if (!store.isClosed()) {
        LOG.warn("H2 compaction pass failed; the next pass will try again", e);
      }
    }
  }

  /**
   * Stops the passes and waits for one in progress. It never interrupts a pass: an interrupted read
   * or write closes H2's file channel, and with it the database.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
