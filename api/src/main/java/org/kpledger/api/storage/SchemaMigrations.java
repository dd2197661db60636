package org.kpledger.api.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Brings the node's database to the schema this node knows, with Flyway's versioned migrations
 * under {@code db/migration/h2} or {@code db/migration/postgresql}, before Hibernate validates it.
 *
 * <ul>
 *   <li>A database whose history holds a version newer than the newest migration this node has is
 *       refused ({@link NewerSchemaException}): a node never writes into a schema it does not know.
 *   <li>A database from before migrations (created by Hibernate's {@code ddl-auto=update}, so
 *       without Flyway's history table but with the event store) is baselined at version 1, the
 *       schema that {@code V1} writes down, and the later migrations run on it.
 *   <li>Otherwise, an empty database or one that holds only tables the node creates in code
 *       (projections, receipts, the Merkle store), every migration runs from version 1.
 * </ul>
 */
@Component
public class SchemaMigrations implements FlywayMigrationStrategy {
  /** The version the schema Hibernate's {@code ddl-auto=update} created is baselined at. */
  static final String PRE_MIGRATION_VERSION = "1";

  private static final String EVENT_STORE = "domain_event_entry";

  @Override
  public void migrate(Flyway flyway) {
    MigrationInfoService info = flyway.info();
    refuseNewer(info);
    if (info.applied().length > 0) {
      flyway.migrate();
      return;
    }
    DataSource db = flyway.getConfiguration().getDataSource();
    String baseline = hasTable(db, EVENT_STORE) ? PRE_MIGRATION_VERSION : "0";
    Flyway.configure(flyway.getConfiguration().getClassLoader())
        .configuration(flyway.getConfiguration())
        .baselineOnMigrate(true)
        .baselineVersion(baseline)
        .baselineDescription(
            baseline.equals(PRE_MIGRATION_VERSION)
                ? "schema created by Hibernate ddl-auto=update"
                : "before the first migration")
        .load()
        .migrate();
  }

  /** Throws when the database's schema is newer than the newest migration this node has. */
  static void refuseNewer(MigrationInfoService info) {
    MigrationInfo current = info.current();
    if (current == null || current.getVersion() == null) {
      return;
    }
    MigrationVersion known =
        Arrays.stream(info.all())
            .filter(m -> m.getVersion() != null && !m.getType().isBaseline())
            .filter(
                m ->
                    m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED)
            .map(MigrationInfo::getVersion)
            .max(Comparator.naturalOrder())
            .orElse(MigrationVersion.EMPTY);
    if (current.getVersion().compareTo(known) > 0) {
      throw new NewerSchemaException(current.getVersion().getVersion(), versionOf(known));
    }
  }

  private static String versionOf(MigrationVersion v) {
    return Objects.equals(v, MigrationVersion.EMPTY) ? "none" : v.getVersion();
  }

  private static boolean hasTable(DataSource db, String table) {
    try (Connection c = db.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet r =
          meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's tables: " + e.getMessage(), e);
    }
  }

  /**
   * The database's schema is at a version this node does not know (written by a newer release): the
   * node refuses to start rather than write into it.
   */
  public static final class NewerSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NewerSchemaException(String database, String node) {
      super(
          "database schema is at version "
              + database
              + ", newer than version "
              + node
              + " that this node knows: run a node of the release that wrote it, or restore a"
              + " backup taken before that upgrade");
    }
  }
}
