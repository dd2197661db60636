package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The node reads its durability from the database's own settings, not from its configuration. */
class StorageDurabilityTest {
  @TempDir Path dir;

  @Test
  void anH2FileWithoutWriteDelayIsWrittenToTheOperatingSystemBeforeTheAcknowledgement() {
    assertThat(durability("WRITE_DELAY=0").acknowledged())
        .isEqualTo(StorageDurability.Acknowledged.WRITTEN_TO_OS);
  }

  @Test
  void anH2FileWithItsDefaultWriteDelayIsReportedAsDelayed() {
    StorageDurability d = durability("WRITE_DELAY=500");
    assertThat(d.engine()).isEqualTo("H2");
    assertThat(d.acknowledged()).isEqualTo(StorageDurability.Acknowledged.DELAYED);
  }

  private StorageDurability durability(String setting) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("ledger") + ";" + setting);
    return new StorageDurability(new JdbcTemplate(ds));
  }
}
