package org.kpledger.api.storage;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an acknowledged command survives, read from the database's own settings when the node
 * starts, logged, and shown in {@code /api/status}: a node whose settings break the promise that an
 * acknowledged command survives {@code kill -9} says so at a warning.
 */
@Component
public class StorageDurability {
  private static final Logger LOG = LoggerFactory.getLogger(StorageDurability.class);

  /** How far a commit has gone when the node acknowledges it. */
  public enum Acknowledged {
    /** PostgreSQL with fsync and synchronous commit: on disk, survives a power cut. */
    FLUSHED_TO_DISK,
    /**
     * H2 with {@code WRITE_DELAY=0} (or PostgreSQL without fsync): survives kill -9, not a crash.
     */
    WRITTEN_TO_OS,
    /** The database delays its writes: a kill -9 can take back acknowledged commands. */
    DELAYED
  }

  private final String engine;
  private final Acknowledged acknowledged;
  private final String settings;

  StorageDurability(JdbcTemplate jdbc) {
    this.engine =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(engine)) {
      String fsync = jdbc.queryForObject("SHOW fsync", String.class);
      String commit = jdbc.queryForObject("SHOW synchronous_commit", String.class);
      this.settings = "fsync=" + fsync + ", synchronous_commit=" + commit;
      this.acknowledged =
          "off".equals(commit)
              ? Acknowledged.DELAYED
              : "on".equals(fsync) ? Acknowledged.FLUSHED_TO_DISK : Acknowledged.WRITTEN_TO_OS;
    } else {
      List<String> delay =
          jdbc.queryForList(
              "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME ="
                  + " 'WRITE_DELAY'",
              String.class);
      String writeDelay = delay.isEmpty() ? "unknown" : delay.get(0);
      this.settings = "WRITE_DELAY=" + writeDelay;
      this.acknowledged =
          "0".equals(writeDelay) ? Acknowledged.WRITTEN_TO_OS : Acknowledged.DELAYED;
    }
    if (acknowledged == Acknowledged.DELAYED) {
      LOG.warn(
          "{} ({}): acknowledged commands can be lost on kill -9 or a crash", engine, settings);
    } else {
      LOG.info("{} ({}): an acknowledged command is {}", engine, settings, acknowledged);
    }
  }

  /** The database product, as its JDBC driver names it ({@code H2}, {@code PostgreSQL}). */
  public String engine() {
    return engine;
  }

  /** How far a commit has gone when the node acknowledges it. */
  public Acknowledged acknowledged() {
    return acknowledged;
  }
}
