package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class DatabaseUnavailableTest {

  @Test
  void aCommitThatMetAFullDiskIsAnOutage() {
    SQLException h2 =
        new SQLException(
            "General error: MVStoreException: Writing failed",
            "HY000",
            50000,
            new IllegalStateException(
                "Writing to FileChannelImpl failed", new IOException("No space left on device")));
    assertThat(DatabaseUnavailable.explains(new JpaSystemException(new RuntimeException(h2))))
        .isTrue();
    assertThat(new EvictLostConnections().adjudicate(h2)).isEqualTo(Override.MUST_EVICT);
  }

  @Test
  void aClosedH2DatabaseIsAnOutageAndItsConnectionIsDropped() {
    SQLException closed = new SQLException("The database has been closed", "90098", 90098);
    assertThat(DatabaseUnavailable.explains(closed)).isTrue();
    assertThat(new EvictLostConnections().adjudicate(closed)).isEqualTo(Override.MUST_EVICT);
  }

  @Test
  void aStoppedPostgreSqlServerIsAnOutage() {
    assertThat(DatabaseUnavailable.explains(new SQLException("terminating", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.explains(new SQLException("I/O error", "08006"))).isTrue();
    assertThat(DatabaseUnavailable.explains(new SQLException("disk full", "53100"))).isTrue();
    assertThat(
            DatabaseUnavailable.explains(
                new SQLTransientConnectionException("Connection is not available")))
        .as("no connection within the pool's timeout")
        .isTrue();
  }

  @Test
  void aRefusedStatementIsNotAnOutage() {
    SQLException duplicate = new SQLException("duplicate key", "23505", 0);
    assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("x", duplicate)))
        .isFalse();
    assertThat(new EvictLostConnections().adjudicate(duplicate)).isEqualTo(Override.CONTINUE_EVICT);
    assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseUnavailable.explains(new IOException("client went away")))
        .as("an I/O error that no database reported")
        .isFalse();
  }
}
