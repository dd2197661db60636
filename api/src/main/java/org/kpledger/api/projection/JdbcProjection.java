package org.kpledger.api.projection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.kpledger.custody.LedgerMetaData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection whose tables are plain SQL (H2 and PostgreSQL alike), created when the node starts
 * and dropped and created again when its processor's tokens are reset: the drop runs in Axon's
 * reset, before the processor reads the store from the beginning.
 */
public abstract class JdbcProjection implements Projection {
  protected final JdbcTemplate jdbc;
  private final String name;
  private final Map<String, String> tables = new LinkedHashMap<>();
  private final List<String> indexes = new ArrayList<>();

  protected JdbcProjection(JdbcTemplate jdbc, String name) {
    this.jdbc = jdbc;
    this.name = name;
  }

  /**
   * Declares a table by its column definitions; call from the constructor, then {@link #create}.
   */
  protected final void table(String table, String columns) {
    tables.put(table, columns);
  }

  /** Declares an index: {@code name ON table (columns)}. */
  protected final void index(String definition) {
    indexes.add(definition);
  }

  /** Creates the tables and indexes that do not exist yet. */
  protected final void create() {
    tables.forEach(
        (t, cols) -> jdbc.execute("CREATE TABLE IF NOT EXISTS " + t + " (" + cols + ")"));
    indexes.forEach(i -> jdbc.execute("CREATE INDEX IF NOT EXISTS " + i));
  }

  /** Drops every table of the projection and creates them empty (Axon calls it on reset). */
  @ResetHandler
  public void dropAndCreate() {
    tables.keySet().forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + t));
    create();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> tables() {
    return List.copyOf(tables.keySet());
  }

  /**
   * Adds {@code increments} to the counters of the row with these {@code keys}, creating the row
   * with the increments as its counters when there is none. Plain UPDATE then INSERT, so the same
   * SQL runs on H2 and PostgreSQL; it is safe because one processor thread writes a projection.
   */
  protected final void addTo(
      String table, Map<String, Object> keys, Map<String, Object> increments) {
    List<String> set = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    increments.forEach(
        (column, n) -> {
          set.add(column + " = " + column + " + ?");
          args.add(n);
        });
    List<String> where = new ArrayList<>();
    keys.forEach(
        (column, v) -> {
          where.add(column + " = ?");
          args.add(java.util.Objects.requireNonNull(v, column));
        });
    String update =
        "UPDATE "
            + table
            + " SET "
            + String.join(", ", set)
            + " WHERE "
            + String.join(" AND ", where);
    if (jdbc.update(update, args.toArray()) > 0) {
      return;
    }
    List<String> columns = new ArrayList<>(keys.keySet());
    columns.addAll(increments.keySet());
    List<Object> values = new ArrayList<>(keys.values());
    values.addAll(increments.values());
    jdbc.update(
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")",
        values.toArray());
  }

  /** Column names and values in order: {@code columns("zone_id", z, "purchases", 1)}. */
  protected static Map<String, Object> columns(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  /** The ledger's record time of an event (its command's recordedAt), else the event's time. */
  protected static OffsetDateTime recordedAt(MetaData meta, Instant timestamp) {
    Object at = meta.get(LedgerMetaData.RECORDED_AT);
    Instant i = at == null ? timestamp : Instant.parse(at.toString());
    return i.atOffset(ZoneOffset.UTC);
  }

  /** An instant as a column value. */
  protected static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
