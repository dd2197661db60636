package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the node's connection pool asks the driver to send a JDBC batch of INSERTs as
 * multi-row INSERTs; an H2 pool is left alone (H2 refuses settings it does not know), and a setting
 * the operator gave is kept.
 */
class PostgresBatchedInsertsTest {
  private final PostgresBatchedInserts processor = new PostgresBatchedInserts();

  @Test
  void aPostgresPoolRewritesBatchedInserts() {
    HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/kp");
    processor.postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties())
        .containsEntry(PostgresBatchedInserts.PROPERTY, "true");
  }

  @Test
  void anH2PoolGetsNoPostgresSetting() {
    HikariDataSource pool = pool("jdbc:h2:mem:kp");
    processor.postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
  }

  @Test
  void theOperatorsOwnSettingIsKept() {
    HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/kp");
    pool.addDataSourceProperty(PostgresBatchedInserts.PROPERTY, "false");
    processor.postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties())
        .containsEntry(PostgresBatchedInserts.PROPERTY, "false");
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
