package org.kpledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Waits until a node's embedded H2 file has settled: under {@code bytes} written to it in a {@code
 * window}. A node started on a year's file compacts it for some seconds (its passes rest once they
 * gain nothing, {@code api.storage.QuietPasses}); queries timed meanwhile share the node's two
 * cores with that work and measure the node's first seconds, not the node an auditor queries. A
 * PostgreSQL server keeps its own storage: nothing to wait for.
 */
final class SettledFile {
  private final DataSource dataSource;
  private final long bytes;
  private final Duration window;

  SettledFile(DataSource dataSource, long bytes, Duration window) {
    this.dataSource = dataSource;
    this.bytes = bytes;
    this.window = window;
  }

  /**
   * How the wait ended: whether the file settled, after how long, and the bytes written in the last
   * window.
   */
  record Wait(boolean settled, long millis, long lastWindowBytes) {
    String describe(Duration window) {
      return String.format(
          "%s %.1f s after the projections caught up (%,d bytes written in the last %.1f s)",
          settled ? "settled" : "NOT settled, timed anyway,",
          millis / 1e3,
          lastWindowBytes,
          window.toMillis() / 1e3);
    }
  }

  /**
   * Waits until the file has settled, or at most {@code timeout}; empty if the database is no
   * embedded H2 file.
   */
  Optional<Wait> await(Duration timeout) throws SQLException, InterruptedException {
    OptionalLong first = writtenBytes();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    long before = first.getAsLong();
    while (true) {
      Thread.sleep(window.toMillis());
      long now = writtenBytes().orElseThrow();
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (now - before < bytes || millis >= timeout.toMillis()) {
        return Optional.of(new Wait(now - before < bytes, millis, now - before));
      }
      before = now;
    }
  }

  /** H2's count of the bytes written to the file so far; empty for any other database. */
  private OptionalLong writtenBytes() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return OptionalLong.empty();
      }
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
        return r.next() ? OptionalLong.of(Long.parseLong(r.getString(1))) : OptionalLong.empty();
      }
    }
  }
}
