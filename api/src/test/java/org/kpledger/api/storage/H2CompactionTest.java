package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.api.storage.H2Compaction.Pass;

/**
 * H2 files take commits with {@code WRITE_DELAY=0}, the node's setting: without compaction the
 * chunks are mostly dead; with a pass every 50 commits they stay mostly live and the file smaller,
 * with the same rows; passes that move chunks shrink a grown file, which rewrites alone never do;
 * the node's settings keep a file under 3 times its live data while commits stream in.
 */
class H2CompactionTest {
  private static final int COMMITS = 3_000;

  /** The node's settings (application.yml), with a time budget for a busy machine. */
  private static final H2Compaction.Settings NODE =
      new H2Compaction.Settings(80, 1 << 20, Duration.ofSeconds(5), 100, 50, 80, 4 << 20);

  @TempDir Path dir;

  @Test
  void givenCommitsThatSupersedePagesWhenPassesRunThenChunksStayLiveAndTheFileSmaller()
      throws Exception {
    JdbcDataSource plain = fileDatabase("plain");
    JdbcDataSource compacted = fileDatabase("compacted");
    try (Connection a = plain.getConnection();
        Connection b = compacted.getConnection()) {
      H2Compaction compaction =
          H2Compaction.of(compacted, 80, 1 << 20, Duration.ofSeconds(5)).orElseThrow();
      int passesThatRewrote = 0;
      createTables(a);
      createTables(b);
      Random random = new Random(7);
      for (int i = 0; i < COMMITS; i++) {
        int account = random.nextInt(500);
        commit(a, i, account);
        commit(b, i, account);
        if (i % 50 == 49 && compaction.pass().rewrites() > 0) {
          passesThatRewrote++;
        }
      }
      int plainFillRate = fillRate(a);
      int compactedFillRate = fillRate(b);
      long plainBytes = Files.size(dir.resolve("plain.mv.db"));
      long compactedBytes = Files.size(dir.resolve("compacted.mv.db"));

      assertThat(plainFillRate).as("live share of chunks, no compaction").isLessThan(40);
      assertThat(compactedFillRate).as("live share of chunks, compacted").isGreaterThan(60);
      assertThat(passesThatRewrote).isPositive();
      assertThat(compactedBytes).isLessThan(plainBytes / 2);
      assertThat(contents(b)).isEqualTo(contents(a)).isNotEqualTo("0/0/0");
      compaction.close();
    }
  }

  @Test
  void compactionFollowsTheFileWhenTheDatabaseIsClosedAndOpenedAgain() throws Exception {
    JdbcDataSource db = fileDatabase("reopened");
    H2Compaction compaction;
    try (Connection c = db.getConnection()) {
      compaction = H2Compaction.of(db, 80, 1 << 20, Duration.ofSeconds(5)).orElseThrow();
      createTables(c);
      // as H2 does when a write fails on a full disk: the database closes under the node
      c.createStatement().execute("SHUTDOWN IMMEDIATELY");
    }
    try (Connection c = db.getConnection()) {
      Random random = new Random(11);
      int passesThatRewrote = 0;
      for (int i = 0; i < 1_000; i++) {
        commit(c, i, random.nextInt(500));
        if (i % 50 == 49 && compaction.pass().rewrites() > 0) {
          passesThatRewrote++;
        }
      }
      assertThat(passesThatRewrote)
          .as("passes that rewrote pages of the reopened file")
          .isPositive();
      assertThat(compaction.chunksFillRate()).isEqualTo(fillRate(c));
    }
    compaction.close();
  }

  @Test
  void givenAFileGrownByCommitsWithoutCompactionWhenPassesMoveChunksThenTheFileShrinks()
      throws Exception {
    JdbcDataSource db = fileDatabase("burst");
    try (Connection c = db.getConnection()) {
      createTables(c);
      Random random = new Random(13);
      for (int i = 0; i < COMMITS; i++) {
        commit(c, i, random.nextInt(500));
      }
      String contents = contents(c);
      long grown = Files.size(dir.resolve("burst.mv.db"));

      // the node's passes until 6 Dec 2026: live chunks, but the file stays at its high-water mark
      H2Compaction rewritesOnly =
          H2Compaction.of(db, 80, 1 << 20, Duration.ofSeconds(5)).orElseThrow();
      Pass rewritten = untilSettled(rewritesOnly);
      assertThat(rewritten.fillRateAfter())
          .as("live share of chunks, rewritten")
          .isGreaterThanOrEqualTo(80);
      assertThat(Files.size(dir.resolve("burst.mv.db")))
          .as("file after rewrites only")
          .isGreaterThan(grown * 9 / 10);
      rewritesOnly.close();

      H2Compaction moves = H2Compaction.of(db, NODE).orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long shrunk = 0;
      while (moves.fileBytes() > grown / 3 && System.nanoTime() < deadline) {
        shrunk += moves.pass().shrunkBytes();
      }
      long size = Files.size(dir.resolve("burst.mv.db"));
      assertThat(size).as("file after passes that move chunks").isLessThan(grown / 3);
      assertThat(shrunk).as("shrinking the passes reported").isPositive();
      assertThat(liveBytes(moves) * 3).as("live data, 3 times").isGreaterThan(size);
      assertThat(contents(c)).isEqualTo(contents);
      moves.close();
    }
  }

  /**
   * While commits stream in, the chunks stay under the target fill rate and a pass may spend its
   * time on rewrites: it moves chunks all the same, or the file keeps its high-water mark until the
   * writes stop (measured in {@code kp bench ingest}: 28 % of the file free space at the end).
   */
  @Test
  void givenChunksUnderTheTargetAndAPassOutOfTimeWhenTheFileHasFreeSpaceThenThePassMovesChunks()
      throws Exception {
    JdbcDataSource db = fileDatabase("loaded");
    try (Connection c = db.getConnection()) {
      createTables(c);
      Random random = new Random(19);
      for (int i = 0; i < COMMITS; i++) {
        commit(c, i, random.nextInt(500));
      }
      String contents = contents(c);
      H2Compaction rewritesOnly =
          H2Compaction.of(db, 80, 1 << 20, Duration.ofSeconds(5)).orElseThrow();
      untilSettled(rewritesOnly);
      rewritesOnly.close();
      long grown = Files.size(dir.resolve("loaded.mv.db"));
      // a target the chunks are under, and no time left for rewrites
      H2Compaction loaded =
          H2Compaction.of(
                  db, new H2Compaction.Settings(99, 1 << 20, Duration.ZERO, 100, 50, 80, 4 << 20))
              .orElseThrow();
      assertThat(loaded.chunksFillRate()).as("chunks' live share").isLessThan(99);
      assertThat(loaded.fileFillRate()).as("the file's share in chunks").isLessThan(80);

      Pass pass = loaded.pass();

      assertThat(pass.rewrites()).as("rewrites, with no time for them").isZero();
      assertThat(pass.shrunkBytes()).as("bytes the pass shrank the file by").isPositive();
      assertThat(Files.size(dir.resolve("loaded.mv.db"))).isLessThan(grown);
      assertThat(contents(c)).isEqualTo(contents);
      loaded.close();
    }
  }

  @Test
  void
      givenCommitsStreamingWhenPassesRunWithTheNodesSettingsThenTheFileStaysUnderThreeTimesItsLiveData()
          throws Exception {
    JdbcDataSource db = fileDatabase("streaming");
    try (Connection c = db.getConnection()) {
      H2Compaction compaction = H2Compaction.of(db, NODE).orElseThrow();
      createTables(c);
      Random random = new Random(17);
      long largest = 0;
      for (int i = 0; i < COMMITS; i++) {
        commit(c, i, random.nextInt(500));
        if (i % 50 == 49) {
          compaction.pass();
          largest = Math.max(largest, compaction.fileBytes());
        }
      }
      compaction.pass();
      long size = compaction.fileBytes();
      assertThat(liveBytes(compaction) * 3)
          .as("live data, 3 times, against the file of %,d bytes", size)
          .isGreaterThan(size);
      assertThat(size).as("file at the end against its largest").isLessThanOrEqualTo(largest);
      compaction.close();
    }
  }

  /**
   * A burst of large commits (the node's group commits of batches write chunks of several MiB)
   * leaves chunks whose live pages are more than one call's bytes: H2 rewrites a chunk only whole
   * and moves only chunks that fit in a call, so under load those stay. Once the database is quiet
   * the passes take them too, and the file comes back near its live data (measured in {@code kp
   * bench ingest}: 454 MiB with 119 MiB live, then 140 MiB a dozen seconds after the last phase;
   * with calls of 1 MiB in the quiet as before, it stayed 4 times its live data).
   */
  @Test
  void givenABurstOfLargeCommitsWhenTheDatabaseTurnsQuietThenPassesBringTheFileNearItsLiveData()
      throws Exception {
    JdbcDataSource db = fileDatabase("quiet");
    try (Connection c = db.getConnection()) {
      createTables(c);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO entry SELECT x, MOD(x, 500), REPEAT('b', 390) FROM SYSTEM_RANGE(0, 39999)");
      }
      H2Compaction compaction = H2Compaction.of(db, NODE).orElseThrow();
      Random random = new Random(23);
      c.setAutoCommit(false);
      for (int burst = 0; burst < 30; burst++) {
        rewriteBodies(c, random, burst, 3_000);
        c.commit();
        compaction.pass();
      }
      c.setAutoCommit(true);
      String contents = contents(c);
      long afterBurst = compaction.fileBytes();

      assertThat(afterBurst)
          .as("file after the burst, against twice its live data")
          .isGreaterThan(2 * liveBytes(compaction));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (compaction.fileBytes() > 2 * liveBytes(compaction) && System.nanoTime() < deadline) {
        compaction.pass();
      }

      assertThat(compaction.fileBytes())
          .as(
              "file, quiet, against twice its live data and the file after the burst (%,d bytes)",
              afterBurst)
          .isLessThan(2 * liveBytes(compaction))
          .isLessThan(afterBurst);
      assertThat(contents(c)).isEqualTo(contents);
      compaction.close();
    }
  }

  /**
   * With the node's retention time, H2 counts the chunks a pass has just emptied as dead space
   * until they are a second old and a commit drops them, so on a quiet file the passes can keep
   * rewriting without raising the chunks' fill rate (measured on a CAR-scale year: 48 MiB a second,
   * for as long as the node stayed idle). They rest once ten in a row gain nothing, and take up
   * again once the database has written 8 MiB. Between passes, one small commit, as the node's
   * event processors make while it is idle.
   */
  @Test
  void givenAQuietFileWhenPassesNoLongerGainThenTheyRestUntilTheDatabaseWritesAgain()
      throws Exception {
    JdbcDataSource db = fileDatabase("resting", 1000);
    try (Connection c = db.getConnection()) {
      createTables(c);
      Random random = new Random(29);
      for (int i = 0; i < COMMITS; i++) {
        commit(c, i, random.nextInt(500));
      }
      H2Compaction compaction = H2Compaction.of(db, NODE).orElseThrow();
      List<Pass> passes = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      int touches = 0;
      while (System.nanoTime() < deadline
          && (passes.isEmpty() || !passes.get(passes.size() - 1).rested())) {
        touch(c, touches++);
        passes.add(compaction.pass());
      }
      assertThat(passes.get(passes.size() - 1).rested())
          .as("the last of %d passes rested", passes.size())
          .isTrue();
      assertThat(passes.size()).as("passes until the rest").isGreaterThan(11);
      String contents = contents(c);
      long size = compaction.fileBytes();

      touch(c, touches++);
      Pass rest = compaction.pass();

      assertThat(rest.rested()).isTrue();
      assertThat(rest.rewrites() + rest.misses()).as("calls of a rest").isZero();
      assertThat(rest.shrunkBytes()).isZero();
      assertThat(compaction.fileBytes()).isEqualTo(size);
      assertThat(contents(c)).isEqualTo(contents);

      int commits = 0;
      Pass woken = rest;
      while (woken.rested() && commits < 50_000) {
        for (int i = 0; i < 50; i++, commits++) {
          commit(c, COMMITS + commits, random.nextInt(500));
        }
        woken = compaction.pass();
      }
      assertThat(woken.rested()).as("a pass after %d commits", commits).isFalse();
      compaction.close();
    }
  }

  @Test
  void theFileIsFlushedToDiskAtTheSyncInterval() throws Exception {
    JdbcDataSource db = fileDatabase("synced");
    try (Connection c = db.getConnection()) {
      createTables(c);
      H2Compaction compaction = H2Compaction.of(db, NODE).orElseThrow();
      assertThat(compaction.syncs()).isZero();
      compaction.syncEvery(Duration.ofMillis(20));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (compaction.syncs() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(compaction.syncs()).isGreaterThanOrEqualTo(3);
      compaction.close();
    }
  }

  @Test
  void anInMemoryDatabaseHasNothingToCompact() throws SQLException {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
    assertThat(H2Compaction.of(memory, 80, 1 << 20, Duration.ofSeconds(1))).isEmpty();
  }

  /** Passes on the calling thread until one changes nothing. */
  private static Pass untilSettled(H2Compaction compaction) {
    Pass last = compaction.pass();
    for (int i = 0; i < 1_000 && last.rewrites() > 0; i++) {
      last = compaction.pass();
    }
    return last;
  }

  /** The bytes of live pages: the file's share in chunks times the chunks' live share. */
  private static long liveBytes(H2Compaction c) {
    return c.fileBytes() * c.fileFillRate() / 100 * c.chunksFillRate() / 100;
  }

  private JdbcDataSource fileDatabase(String name) {
    // RETENTION_TIME=0 only so that a test need not wait before H2 may reuse a dead chunk's space;
    // the node's URL sets 1 s
    return fileDatabase(name, 0);
  }

  private JdbcDataSource fileDatabase(String name, int retentionMillis) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=" + retentionMillis);
    ds.setUser("sa");
    return ds;
  }

  private static void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE account(id INT PRIMARY KEY, balance BIGINT, note VARCHAR(200))");
      s.execute("CREATE TABLE entry(id INT PRIMARY KEY, account INT, body VARCHAR(400))");
      s.execute("CREATE INDEX entry_account ON entry(account)");
      s.execute("INSERT INTO account SELECT x, 0, REPEAT('n', 150) FROM SYSTEM_RANGE(0, 499)");
    }
  }

  /** One commit like the node's: an event-like row appended, a projection-like row updated. */
  private static void commit(Connection c, int i, int account) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO entry VALUES (?, ?, ?)");
        PreparedStatement update =
            c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
      insert.setInt(1, i);
      insert.setInt(2, account);
      insert.setString(3, ("entry " + i + " ").repeat(20));
      insert.executeUpdate();
      update.setInt(1, i);
      update.setInt(2, account);
      update.executeUpdate();
    }
  }

  /** A small commit, like an event processor's token update. */
  private static void touch(Connection c, int i) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE account SET note = ? WHERE id = 0")) {
      update.setString(1, "touched " + i);
      update.executeUpdate();
    }
  }

  /** One large commit's statements: {@code n} random entries' bodies rewritten. */
  private static void rewriteBodies(Connection c, Random random, int burst, int n)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE entry SET body = ? WHERE id = ?")) {
      String body = ("burst " + burst + " ").repeat(60).substring(0, 390);
      for (int i = 0; i < n; i++) {
        update.setString(1, body);
        update.setInt(2, random.nextInt(40_000));
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static int fillRate(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
      r.next();
      return Integer.parseInt(r.getString(1));
    }
  }

  private static String contents(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM entry), (SELECT SUM(balance) FROM account),"
                    + " (SELECT SUM(LENGTH(body)) FROM entry)")) {
      r.next();
      return r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3);
    }
  }
}
