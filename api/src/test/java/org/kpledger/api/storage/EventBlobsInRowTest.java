package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The node's H2 URL keeps an event's metadata (the signed envelope, about 1.5 KB) and payload in
 * the event's row, not in H2's LOB maps ({@code MAX_LENGTH_INPLACE_LOB=4096}), and still reads the
 * events of a file written before, whose LOBs are stored outside their rows.
 */
class EventBlobsInRowTest {
  private static final int EVENTS = 200;

  @TempDir Path dir;

  @Test
  void givenEventsStoredOutOfRowBeforeWhenTheNodesUrlOpensTheFileThenOldAndNewEventsReadBack()
      throws Exception {
    String file = "jdbc:h2:file:" + dir.resolve("ledger");
    // the URL of the node until 6 Dec 2026: LOBs over H2's default 256 bytes go to its LOB maps
    String before = file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    Flyway.configure()
        .dataSource(before, "sa", "")
        .locations("classpath:db/migration/h2")
        .load()
        .migrate();
    List<byte[][]> written = new ArrayList<>();
    long rowBytesBefore;
    try (Connection c = DriverManager.getConnection(before, "sa", "")) {
      long empty = tableBytes(c);
      for (int i = 0; i < EVENTS; i++) {
        written.add(insert(c, i));
      }
      rowBytesBefore = tableBytes(c) - empty;
      c.createStatement().execute("SHUTDOWN");
    }

    String node = nodeUrl();
    assertThat(node).contains("MAX_LENGTH_INPLACE_LOB=4096");
    try (Connection c = DriverManager.getConnection(node, "sa", "")) {
      assertThat(read(c)).as("events stored out of row, read with the node's URL").hasSize(EVENTS);
      long old = tableBytes(c);
      for (int i = EVENTS; i < 2 * EVENTS; i++) {
        written.add(insert(c, i));
      }
      long rowBytesAfter = tableBytes(c) - old;
      List<byte[][]> read = read(c);
      assertThat(read).hasSize(2 * EVENTS);
      for (int i = 0; i < read.size(); i++) {
        assertThat(read.get(i)[0]).as("metadata of event %d", i).isEqualTo(written.get(i)[0]);
        assertThat(read.get(i)[1]).as("payload of event %d", i).isEqualTo(written.get(i)[1]);
      }
      // in the row, the table's own pages hold the metadata and the payloads under 4 KiB
      assertThat(rowBytesAfter)
          .as("table bytes of %d events in row, against %,d out of row", EVENTS, rowBytesBefore)
          .isGreaterThan((long) EVENTS * 1_500)
          .isGreaterThan(3 * rowBytesBefore);
    }
  }

  /** The node's datasource URL from its application.yml, on this test's directory. */
  private String nodeUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties p = yaml.getObject();
    return p.getProperty("spring.datasource.url").replace("${kp.data-dir}", dir.toString());
  }

  /**
   * An event like the node's: an envelope-sized metadata, a payload of a few hundred bytes, every
   * tenth one over 4 KiB (still out of row).
   */
  private static byte[][] insert(Connection c, int i) throws SQLException {
    byte[] meta =
        ("{\"envelope\":\"" + "e".repeat(1_450) + i + "\",\"commandId\":\"c" + i + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] payload =
        ("{\"lotId\":\"L" + i + "\",\"note\":\"" + "p".repeat(i % 10 == 0 ? 6_000 : 300) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload,"
                + " payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                + " VALUES (?, ?, ?, ?, 'LotPurchased', '2026-12-06T00:00:00Z', ?, 0, 'Lot')")) {
      s.setLong(1, i);
      s.setString(2, "event-" + i);
      s.setBytes(3, meta);
      s.setBytes(4, payload);
      s.setString(5, "lot-" + i);
      s.executeUpdate();
    }
    return new byte[][] {meta, payload};
  }

  private static List<byte[][]> read(Connection c) throws SQLException {
    List<byte[][]> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT meta_data, payload FROM domain_event_entry ORDER BY global_index")) {
      while (r.next()) {
        out.add(new byte[][] {r.getBytes(1), r.getBytes(2)});
      }
    }
    return out;
  }

  /** The bytes of the table's own pages and its indexes (H2 counts no LOB map in them). */
  private static long tableBytes(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("CALL DISK_SPACE_USED('DOMAIN_EVENT_ENTRY')")) {
      r.next();
      return r.getLong(1);
    }
  }
}
