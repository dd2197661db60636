package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kp bench read} times its queries once the node's H2 file has settled: a file nobody writes
 * settles in one window; one written faster than the threshold does not (the benchmark then says so
 * and times anyway), until the writes stop; an in-memory database has no file to wait for.
 */
class SettledFileTest {
  private static final Duration WINDOW = Duration.ofMillis(200);

  @TempDir Path dir;

  @Test
  void aFileNobodyWritesSettlesInOneWindow() throws Exception {
    JdbcDataSource db = file("idle");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INT PRIMARY KEY, body VARCHAR(1000))");

      var waited = new SettledFile(db, 1 << 20, WINDOW).await(Duration.ofSeconds(30));

      assertThat(waited).isPresent();
      assertThat(waited.get().settled()).isTrue();
      assertThat(waited.get().millis()).isBetween(WINDOW.toMillis(), 30_000L);
      assertThat(waited.get().lastWindowBytes()).isLessThan(1 << 20);
    }
  }

  @Test
  void givenAFileWrittenFasterThanTheThresholdThenItSettlesOnlyOnceTheWritesStop()
      throws Exception {
    JdbcDataSource db = file("busy");
    AtomicBoolean writing = new AtomicBoolean(true);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INT PRIMARY KEY, body VARCHAR(1000))");
      Thread writer =
          new Thread(
              () -> {
                try (Connection w = db.getConnection();
                    PreparedStatement insert =
                        w.prepareStatement("MERGE INTO t VALUES (?, REPEAT('x', 900))")) {
                  for (int i = 0; writing.get(); i++) {
                    insert.setInt(1, i % 10_000);
                    insert.executeUpdate();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      writer.start();
      try {
        // a threshold of 16 KiB in 200 ms: one commit writes a chunk of a few KiB
        SettledFile.Wait busy =
            new SettledFile(db, 16 << 10, WINDOW).await(Duration.ofSeconds(2)).orElseThrow();
        assertThat(busy.settled()).as("settled while written").isFalse();
        assertThat(busy.millis()).isGreaterThanOrEqualTo(2_000);
        assertThat(busy.lastWindowBytes()).isGreaterThanOrEqualTo(16 << 10);
        assertThat(busy.describe(WINDOW)).startsWith("NOT settled, timed anyway,");
      } finally {
        writing.set(false);
        writer.join();
      }

      SettledFile.Wait quiet =
          new SettledFile(db, 16 << 10, WINDOW).await(Duration.ofSeconds(30)).orElseThrow();
      assertThat(quiet.settled()).as("settled once the writes stopped").isTrue();
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToWaitFor() throws Exception {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:settled-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    assertThat(new SettledFile(memory, 1 << 20, WINDOW).await(Duration.ofSeconds(1))).isEmpty();
  }

  private JdbcDataSource file(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0");
    ds.setUser("sa");
    return ds;
  }
}
