package org.kpledger.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 file near the size of its live data, and flushes it to disk at a fixed cadence.
 *
 * <p>The node runs H2 with {@code WRITE_DELAY=0} so that every commit is written before it is
 * acknowledged. That setting also stops H2's background writer thread, which is where H2 compacts
 * its file: without it each commit leaves a chunk whose pages the next commits mostly supersede,
 * and the file only grows (measured: a 0.25 generated year of 80,728 events took 6.0 GB with its
 * chunks 10 % live; {@code SHUTDOWN COMPACT} brought it to 118 MB). A pass does what that thread
 * would, with H2's public calls:
 *
 * <ul>
 *   <li>while under {@code targetFillRate} % of the chunks' pages are live, it rewrites the live
 *       pages of the sparsest chunks ({@link MVStore#compact}, at most {@code passBytes} a call)
 *       and commits them, up to a byte budget of {@code rewriteShare} % of the bytes the database
 *       wrote since the last pass (at least {@code passBytes}), so that it keeps up with the writes
 *       whatever their rate, for at most {@code budget} of time; with no byte budget once the
 *       database is quiet (less than {@code passBytes} written since the last pass), so that the
 *       file comes back near its live data after a burst, until three quiet passes in a row, three
 *       retention times at least, gain nothing: then they rest until the database has written
 *       {@link #QUIET_CALL_BYTES} ({@link QuietPasses} says why). {@code compact} gives up when it
 *       waits 10 ms in vain for the store's lock, common while commits stream in: the pass tries
 *       again, {@code lockMisses} times in a row at most;
 *   <li>then, while chunks fill under {@code moveBelow} % of the file, it moves up to {@code
 *       moveBytes} of chunks from the end of the file into the free space and truncates it ({@link
 *       RandomAccessStore#compactMoveChunks}, as H2's housekeeping does), whether or not the
 *       rewrites reached their target or time: while commits stream in they do not, and the file
 *       would otherwise keep its high-water mark until the writes stop. H2 syncs the file before it
 *       overwrites a chunk there or truncates.
 * </ul>
 *
 * <p>H2 reuses the space of a dead chunk once the chunk is older than its retention time ({@code
 * RETENTION_TIME}): H2 assumes the file system has flushed what was written before that. The node's
 * own {@linkplain #syncEvery flush} makes that true: the node's URL sets 1 s and the file is
 * flushed four times a second. Neither changes what an acknowledgement means: a commit is written
 * to the operating system before it returns, and flushed to disk within about a quarter second.
 */
public final class H2Compaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);
  private static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  /**
   * Live bytes one call rewrites at most while the database is quiet (a pass moves up to four times
   * that): room for the chunks a burst's group commits wrote, a few MiB each.
   */
  static final int QUIET_CALL_BYTES = 8 << 20;

  /**
   * Quiet passes in a row that neither raise the chunks' fill rate nor shrink the file before the
   * passes rest ({@link QuietPasses}); they must also span {@link #RETENTIONS_WITHOUT_GAIN} of H2's
   * retention times. H2's own housekeeping stops after one such round while the store is idle.
   */
  static final int QUIET_PASSES_WITHOUT_GAIN = 3;

  /** How many of H2's retention times the quiet passes without a gain must span before a rest. */
  static final int RETENTIONS_WITHOUT_GAIN = 3;

  /**
   * How a pass works; see the class comment.
   *
   * @param targetFillRate rewrite while under this share of the chunks' pages is live, 1 to 99
   * @param passBytes live bytes rewritten by one call to {@link MVStore#compact} at most
   * @param budget time one pass may take
   * @param rewriteShare a pass's byte budget in percent of the bytes written since the last pass; 0
   *     for no byte budget (passes until {@code targetFillRate}, the time or the lock misses)
   * @param lockMisses calls in a row that found the store's lock taken before a pass gives up
   * @param moveBelow move chunks to the start of the file while they fill under this share of it,
   *     after the rewrites whatever they reached (0: never)
   * @param moveBytes bytes of chunks one pass moves at most
   */
  public record Settings(
      int targetFillRate,
      int passBytes,
      Duration budget,
      int rewriteShare,
      int lockMisses,
      int moveBelow,
      int moveBytes) {
    /** Checks the ranges. */
    public Settings {
      if (targetFillRate < 1 || targetFillRate > 99) {
        throw new IllegalArgumentException("targetFillRate must be 1 to 99, not " + targetFillRate);
      }
      if (passBytes < 1 || rewriteShare < 0 || lockMisses < 1 || moveBytes < 0) {
        throw new IllegalArgumentException(
            "passBytes and lockMisses must be positive, rewriteShare and moveBytes not negative");
      }
      if (moveBelow < 0 || moveBelow > 100) {
        throw new IllegalArgumentException("moveBelow must be 0 to 100, not " + moveBelow);
      }
    }

    /** Rewrites only, as the node did until 6 Dec 2026: no byte budget, no moves, 5 misses. */
    public static Settings rewritesOnly(int targetFillRate, int passBytes, Duration budget) {
      return new Settings(targetFillRate, passBytes, budget, 0, 5, 0, 0);
    }
  }

  /**
   * What one pass did: the chunks' live share before and after, the calls that rewrote pages, the
   * calls that rewrote nothing (no chunk to rewrite, or the store's lock taken), and the bytes by
   * which moving chunks shrank the file; and whether it rested instead ({@link QuietPasses}).
   */
  public record Pass(
      int fillRateBefore,
      int fillRateAfter,
      int rewrites,
      int misses,
      long shrunkBytes,
      boolean rested) {}

  private final DataSource dataSource;
  private volatile MVStore store;
  private final Settings settings;
  private final ScheduledThreadPoolExecutor timer;
  private final AtomicLong syncs = new AtomicLong();
  private long writtenAfterLastPass = -1;
  private final QuietPasses quietPasses;
  private boolean resting;
  private long passesSinceReport;
  private long rewritesSinceReport;
  private long missesSinceReport;
  private long shrunkSinceReport;
  private long lastReport = System.nanoTime();

  private H2Compaction(DataSource dataSource, MVStore store, Settings settings) {
    this.dataSource = dataSource;
    this.store = store;
    this.settings = settings;
    // a negative retention time: H2 reuses a dead chunk's space at once
    this.quietPasses =
        new QuietPasses(
            QUIET_PASSES_WITHOUT_GAIN,
            Duration.ofMillis(RETENTIONS_WITHOUT_GAIN * Math.max(0L, store.getRetentionTime())),
            settings.passBytes(),
            QUIET_CALL_BYTES);
    // two threads: a long pass does not hold up the flush
    this.timer =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "kp-h2-compaction");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The compaction of the embedded H2 file behind {@code dataSource}, rewrites only (no byte
   * budget, no moves); empty for any other database.
   */
  public static Optional<H2Compaction> of(
      DataSource dataSource, int targetFillRate, int passBytes, Duration budget)
      throws SQLException {
    return of(dataSource, Settings.rewritesOnly(targetFillRate, passBytes, budget));
  }

  /**
   * The compaction of the embedded H2 file behind {@code dataSource}; empty for any other database
   * (a PostgreSQL server, an H2 server over TCP, an in-memory H2) which keeps its own storage.
   */
  public static Optional<H2Compaction> of(DataSource dataSource, Settings settings)
      throws SQLException {
    return embeddedStore(dataSource).map(store -> new H2Compaction(dataSource, store, settings));
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

  /**
   * Flushes the file to disk ({@code fsync}, {@link MVStore#sync}) every {@code interval} from now
   * on, so that what a commit wrote to the operating system is on disk a moment later, and H2 may
   * reuse a dead chunk's space after a short retention time.
   */
  public H2Compaction syncEvery(Duration interval) {
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** How many times this task has flushed the file to disk. */
  public long syncs() {
    return syncs.get();
  }

  /** H2's retention time of the file, in milliseconds (its {@code RETENTION_TIME}). */
  public int retentionMillis() {
    return current().getRetentionTime();
  }

  /** The share of the chunks' pages that are live, in percent. */
  public int chunksFillRate() {
    return current().getFileStore().getChunksFillRate();
  }

  /** The share of the file that chunks fill, in percent. */
  public int fileFillRate() {
    return current().getFileStore().getFillRate();
  }

  /** The file's size in bytes. */
  public long fileBytes() {
    return current().getFileStore().size();
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
  public synchronized Pass pass() {
    MVStore mv = current();
    long written = writtenBytes(mv);
    long writtenSince = writtenAfterLastPass < 0 ? 0 : Math.max(0, written - writtenAfterLastPass);
    if (quietPasses.resting(written)) {
      writtenAfterLastPass = written;
      int fillRate = mv.getFileStore().getChunksFillRate();
      return new Pass(fillRate, fillRate, 0, 0, 0, true);
    }
    // the database quiet (less than one call's bytes written by anyone else since the last pass):
    // the pass may use its whole time, there are no commits to keep pace with; measured, a budget
    // of one call a pass (1 MiB a second) left a 429 MiB file 63 % chunks, chunks 41 % live, for
    // as long as the node stayed idle
    boolean quiet = writtenAfterLastPass >= 0 && writtenSince < settings.passBytes();
    // H2 rewrites a chunk only whole, and only if its live pages fit in one call's bytes: a chunk
    // that a burst's group commit wrote (several MiB) and that stays half live is never rewritten
    // by calls of passBytes; in the quiet, calls of QUIET_CALL_BYTES
    int callBytes = quiet ? Math.max(settings.passBytes(), QUIET_CALL_BYTES) : settings.passBytes();
    long byteBudget =
        settings.rewriteShare() == 0 || quiet
            ? Long.MAX_VALUE
            : Math.max(settings.passBytes(), writtenSince * settings.rewriteShare() / 100);
    int before = mv.getFileStore().getChunksFillRate();
    int rewrites = 0;
    int misses = 0;
    int missesInARow = 0;
    long rewritten = 0;
    long deadline = System.nanoTime() + settings.budget().toNanos();
    while (!mv.isClosed()
        && System.nanoTime() < deadline
        && missesInARow < settings.lockMisses()
        && rewritten < byteBudget
        && mv.getFileStore().getChunksFillRate() < settings.targetFillRate()) {
      int bytes = (int) Math.min(callBytes, byteBudget - rewritten);
      if (mv.compact(settings.targetFillRate(), bytes)) {
        mv.commit();
        rewrites++;
        rewritten += bytes;
        missesInARow = 0;
      } else {
        // no chunk to rewrite, or the store's lock was taken: H2 does not say which
        misses++;
        missesInARow++;
      }
    }
    long shrunk = 0;
    // moves whether or not the rewrites reached their target, and after a pass that spent its
    // time: while commits stream in the chunks stay under it, and a file that only shrank once
    // the writes stopped kept its high-water mark all along (measured: 28 % of it free space
    // at the end of a benchmark)
    if (settings.moveBelow() > 0
        && settings.moveBytes() > 0
        && !mv.isClosed()
        && mv.getFileStore() instanceof RandomAccessStore file
        && file.getFillRate() < settings.moveBelow()) {
      long size = file.size();
      // moves up to moveBytes of chunks from the end of the file into its free space, syncs, and
      // truncates the file after the last chunk; takes the store's lock (commits wait)
      // H2 moves a chunk only whole, and only chunks that fit in the bytes of one call: in the
      // quiet, room for the chunks the quiet rewrites wrote (measured: with moves of 4 MiB after
      // rewrites of 16 MiB, a 460 MiB file stayed 29 % chunks, 117 MiB live)
      long moveBytes =
          quiet ? Math.max(settings.moveBytes(), 4L * QUIET_CALL_BYTES) : settings.moveBytes();
      file.compactMoveChunks(101, moveBytes, mv);
      shrunk = Math.max(0, size - file.size());
    }
    writtenAfterLastPass = writtenBytes(mv);
    int after = mv.getFileStore().getChunksFillRate();
    // judged on the fill rate as the pass found it: the chunks a pass empties stay counted as dead
    // until they are a retention time old and a commit drops them, so the rate just after a pass
    // understates what it did (measured: 75 % before every pass, 66 to 75 % after)
    quietPasses.afterPass(
        quiet, before, mv.getFileStore().size(), writtenAfterLastPass, System.nanoTime());
    return new Pass(before, after, rewrites, misses, shrunk, false);
  }

  private static long writtenBytes(MVStore mv) {
    Map<String, String> info = new HashMap<>();
    mv.populateInfo(info::put);
    String bytes = info.get("info.FILE_WRITE_BYTES");
    return bytes == null ? 0 : Long.parseLong(bytes);
  }

  private void syncQuietly() {
    // the store as the last pass found it: a flush never opens a closed database again (through
    // the pool, current() would), which the passes do at their own pace
    MVStore mv = store;
    try {
      if (!mv.isClosed()) {
        mv.sync();
        syncs.incrementAndGet();
      }
    } catch (RuntimeException e) {
      if (!mv.isClosed()) {
        LOG.warn("H2 file sync failed; the next one will try again", e);
      }
    }
  }

  private void passQuietly() {
    try {
      Pass p = pass();
      if (p.rested()) {
        if (!resting) {
          resting = true;
          LOG.debug(
              "H2 compaction resting: chunks {} % live, file {} MiB; quiet passes no longer gain",
              p.fillRateAfter(), fileBytes() >> 20);
        }
        return;
      }
      resting = false;
      LOG.debug(
          "H2 compaction pass: chunks {} -> {} % live, {} rewrites, {} calls that rewrote nothing,"
              + " file shrunk by {} bytes to {} MiB, {} % of it chunks",
          p.fillRateBefore(),
          p.fillRateAfter(),
          p.rewrites(),
          p.misses(),
          p.shrunkBytes(),
          fileBytes() >> 20,
          fileFillRate());
      passesSinceReport++;
      rewritesSinceReport += p.rewrites();
      missesSinceReport += p.misses();
      shrunkSinceReport += p.shrunkBytes();
      if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
        // at most a line a minute, and none while there is nothing to do: what an operator needs
        // to see that the file is kept in bounds
        if (rewritesSinceReport > 0 || shrunkSinceReport > 0) {
          LOG.info(
              "H2 file {} MiB, {} % of it chunks, chunks {} % live; {} rewrites, {} calls that"
                  + " rewrote nothing, file shrunk by {} MiB in {} passes; {} syncs so far",
              fileBytes() >> 20,
              fileFillRate(),
              p.fillRateAfter(),
              rewritesSinceReport,
              missesSinceReport,
              shrunkSinceReport >> 20,
              passesSinceReport,
              syncs.get());
        }
        passesSinceReport = 0;
        rewritesSinceReport = 0;
        missesSinceReport = 0;
        shrunkSinceReport = 0;
        lastReport = System.nanoTime();
      }
    } catch (RuntimeException e) {
      if (!store.isClosed()) {
        LOG.warn("H2 compaction pass failed; the next pass will try again", e);
      }
    }
  }

  /**
   * Stops the passes and the flushes, and waits for one in progress to end. It never interrupts a
   * pass: an interrupted read or write closes H2's file channel, and with it the database.
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
