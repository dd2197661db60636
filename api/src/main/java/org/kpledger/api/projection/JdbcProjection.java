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
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection whose tables are plain SQL (H2 and PostgreSQL alike), created when the node starts
 * and dropped and created again when its processor's tokens are reset: the drop runs in Axon's
 * reset, before the processor reads the store from the beginning. Handlers write with {@link
 * #write} and {@link #addTo}, which the processor's batch sends as JDBC batches when it commits
 * ({@link PendingWrites}); {@link #jdbc} reads, after sending them.
 */
public abstract class JdbcProjection implements Projection {
  /** Reads and immediate statements; sends the batch's pending writes first. */
  protected final JdbcOperations jdbc;

  private final ProjectionWriter writer;
  private final String name;
  private final Map<String, String> tables = new LinkedHashMap<>();
  private final List<String> indexes = new ArrayList<>();

  protected JdbcProjection(JdbcTemplate template, String name) {
    this.writer = new ProjectionWriter(template);
    this.jdbc = writer.jdbc();
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
   * when there is none; held with the batch's other writes ({@link ProjectionWriter#addTo}).
   */
  protected final void addTo(
      String table, Map<String, Object> keys, Map<String, Object> increments) {
    writer.addTo(table, keys, increments);
  }

  /**
   * Queues a write of one table, sent with the batch's other writes ({@link
   * ProjectionWriter#write}).
   */
  protected final void write(String sql, Object... args) {
    writer.write(sql, args);
  }

  /**
   * The one column a SELECT of one table returns, after sending only that table's pending writes
   * ({@link ProjectionWriter#queryForList}): the batch's writes to other tables stay queued.
   */
  protected final <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
    return writer.queryForList(sql, elementType, args);
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
    return LedgerMetaData.recordedAt(meta, timestamp).atOffset(ZoneOffset.UTC);
  }

  /** An instant as a column value. */
  protected static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
