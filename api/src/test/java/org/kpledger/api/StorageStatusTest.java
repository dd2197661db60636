package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/status} says which database holds the ledger and how far an acknowledged commit has
 * gone: written to the operating system on the H2 default ({@code WRITE_DELAY=0}), flushed to disk
 * on PostgreSQL with its default settings (the suite's second run, TestDatabase).
 */
class StorageStatusTest extends ReadTestBase {
  @Autowired DataSource dataSource;

  /** PostgresBatchedInserts: fewer statements for the server to parse and run, same rows. */
  @Test
  void onPostgresTheDriverSendsBatchedInsertsAsMultiRowInserts() {
    HikariDataSource pool = (HikariDataSource) dataSource;
    if (TestDatabase.postgres()) {
      assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    } else {
      assertThat(pool.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
    }
  }

  @Test
  void statusNamesTheDatabaseAndWhatAnAcknowledgedCommitSurvives() {
    Answer a = send("GET", "/api/status", Map.of());
    assertThat(a.status()).isEqualTo(200);
    JsonNode storage = a.body().path("storage");
    if (TestDatabase.postgres()) {
      assertThat(storage.path("engine").asText()).isEqualTo("PostgreSQL");
      assertThat(storage.path("acknowledgedCommits").asText()).isEqualTo("FLUSHED_TO_DISK");
      assertThat(
              jdbc.queryForList(
                  "SELECT data_type FROM information_schema.columns WHERE table_name ="
                      + " 'domain_event_entry' AND column_name IN ('payload', 'meta_data')",
                  String.class))
          .as("Axon's serialized columns kept inline (ByteaPostgreSQLDialect), not as oid")
          .containsExactly("bytea", "bytea");
    } else {
      assertThat(storage.path("engine").asText()).isEqualTo("H2");
      assertThat(storage.path("acknowledgedCommits").asText()).isEqualTo("WRITTEN_TO_OS");
    }
  }
}
