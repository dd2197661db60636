package org.kpledger.api.projection;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query-table writes of one batch of the projections processor (and the receipts and envelopes
 * of a command, a batch or a commit group: {@link ProjectionWriter}), held in memory and sent as
 * JDBC batches: when the batch's unit of work prepares to commit (in its transaction, before the
 * processor's token), or earlier when a handler issues any other statement ({@link
 * ProjectionWriter#jdbc()} flushes first). Sending 100 events' inserts as one batch per statement
 * replaces hundreds of round trips (issue #6: the projections processor took a quarter of the
 * node's CPU issuing one statement per row).
 *
 * <p>Why the result is the same as executing each write when its handler runs: writes to one table
 * run in the order they were queued; writes to different tables may run in another order, which is
 * safe because a queued write touches only its own table (no foreign keys, no triggers, and {@link
 * ProjectionWriter#write} refuses statements that read another table); every read flushes first the
 * writes of the table it reads ({@link ProjectionWriter#queryForList}), or all of them ({@link
 * ProjectionWriter#jdbc()}); and consecutive counter increments on one table are summed per row
 * before they are applied, which gives the same counters because the sums are exact (integers and
 * decimals). A failed flush fails the unit of work, so the batch, token included, rolls back and
 * the processor retries it: nothing is half-applied.
 */
final class PendingWrites {
  private static final String RESOURCE = PendingWrites.class.getName();

  private final JdbcTemplate jdbc;
  private final Map<String, Deque<Object>> byTable = new LinkedHashMap<>();
  private boolean flushing;
  private boolean sentAtCommit;

  private PendingWrites(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The writes pending in the current unit of work (created the first time), sent when its root
   * prepares to commit, or null when no unit of work is active: then writes run at once.
   */
  static PendingWrites current(JdbcTemplate jdbc) {
    if (!CurrentUnitOfWork.isStarted()) {
      return null;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    PendingWrites writes = root.getOrComputeResource(RESOURCE, key -> new PendingWrites(jdbc));
    if (!writes.sentAtCommit) {
      // again after the prepare-commit sent them, for a write that a later step of that same phase
      // queues (held for a sending that would never come otherwise); Axon refuses it past that
      // phase
      writes.sentAtCommit = true;
      root.onPrepareCommit(
          unitOfWork -> {
            writes.sentAtCommit = false;
            writes.flush();
          });
    }
    return writes;
  }

  /** Writes held by the caller alone, sent when it calls {@link #flush()}. */
  static PendingWrites detached(JdbcTemplate jdbc) {
    return new PendingWrites(jdbc);
  }

  /** Flushes the writes pending in the current unit of work, if any. */
  static void flushCurrent() {
    if (CurrentUnitOfWork.isStarted()) {
      PendingWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
      if (writes != null) {
        writes.flush();
      }
    }
  }

  /**
   * Flushes the writes to {@code table} pending in the current unit of work, if any; the writes to
   * other tables stay queued.
   */
  static void flushCurrent(String table) {
    if (CurrentUnitOfWork.isStarted()) {
      PendingWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
      if (writes != null) {
        writes.flush(table);
      }
    }
  }

  void statement(String table, String sql, Object[] args) {
    queue(table).addLast(new Statement(sql, args.clone()));
  }

  void increment(String table, Map<String, Object> keys, Map<String, Object> increments) {
    Deque<Object> ops = queue(table);
    Counters last = ops.peekLast() instanceof Counters c ? c : null;
    if (last == null || !last.sameColumns(keys, increments)) {
      last = new Counters(table, List.copyOf(keys.keySet()), List.copyOf(increments.keySet()));
      ops.addLast(last);
    }
    last.add(new ArrayList<>(keys.values()), new ArrayList<>(increments.values()));
  }

  /** Runs every pending write, table by table, each table's writes in their order. */
  void flush() {
    if (flushing || byTable.isEmpty()) {
      return;
    }
    flushing = true;
    try {
      List<Deque<Object>> tables = new ArrayList<>(byTable.values());
      byTable.clear();
      for (Deque<Object> ops : tables) {
        run(ops);
      }
    } finally {
      flushing = false;
    }
  }

  /** Runs the pending writes to one table, in their order. */
  void flush(String table) {
    if (flushing) {
      return;
    }
    Deque<Object> ops = byTable.remove(table);
    if (ops == null) {
      return;
    }
    flushing = true;
    try {
      run(ops);
    } finally {
      flushing = false;
    }
  }

  private Deque<Object> queue(String table) {
    return byTable.computeIfAbsent(table, t -> new ArrayDeque<>());
  }

  private void run(Deque<Object> ops) {
    String sql = null;
    List<Object[]> batch = new ArrayList<>();
    for (Object op : ops) {
      if (op instanceof Statement s && s.sql().equals(sql)) {
        batch.add(s.args());
        continue;
      }
      send(sql, batch);
      sql = null;
      batch = new ArrayList<>();
      if (op instanceof Statement s) {
        sql = s.sql();
        batch.add(s.args());
      } else {
        ((Counters) op).apply(jdbc);
      }
    }
    send(sql, batch);
  }

  private void send(String sql, List<Object[]> batch) {
    if (batch.size() == 1) {
      jdbc.update(sql, batch.get(0));
    } else if (batch.size() > 1) {
      jdbc.batchUpdate(sql, batch);
    }
  }

  private record Statement(String sql, Object[] args) {}

  /** Consecutive increments of one table's counters, summed per row (key values). */
  private static final class Counters {
    private final String table;
    private final List<String> keyColumns;
    private final List<String> counterColumns;
    private final Map<List<Object>, List<Object>> rows = new LinkedHashMap<>();

    Counters(String table, List<String> keyColumns, List<String> counterColumns) {
      this.table = table;
      this.keyColumns = keyColumns;
      this.counterColumns = counterColumns;
    }

    boolean sameColumns(Map<String, Object> keys, Map<String, Object> increments) {
      return keyColumns.equals(List.copyOf(keys.keySet()))
          && counterColumns.equals(List.copyOf(increments.keySet()));
    }

    void add(List<Object> key, List<Object> increments) {
      for (int i = 0; i < key.size(); i++) {
        Objects.requireNonNull(key.get(i), keyColumns.get(i));
      }
      for (int i = 0; i < increments.size(); i++) {
        Objects.requireNonNull(increments.get(i), counterColumns.get(i));
      }
      rows.merge(key, increments, Counters::sum);
    }

    private static List<Object> sum(List<Object> a, List<Object> b) {
      List<Object> s = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        s.add(plus(a.get(i), b.get(i)));
      }
      return s;
    }

    private static Object plus(Object a, Object b) {
      if (a instanceof Integer x && b instanceof Integer y) {
        return Math.addExact(x, y);
      }
      if ((a instanceof Integer || a instanceof Long)
          && (b instanceof Integer || b instanceof Long)) {
        return Math.addExact(((Number) a).longValue(), ((Number) b).longValue());
      }
      return decimal(a).add(decimal(b));
    }

    private static BigDecimal decimal(Object n) {
      if (n instanceof BigDecimal d) {
        return d;
      }
      if (n instanceof Integer || n instanceof Long) {
        return BigDecimal.valueOf(((Number) n).longValue());
      }
      throw new IllegalArgumentException("counter increment is not an integer or decimal: " + n);
    }

    /** One batch of UPDATEs, then one batch of INSERTs for the rows no UPDATE found. */
    void apply(JdbcTemplate jdbc) {
      List<List<Object>> keys = new ArrayList<>(rows.keySet());
      List<Object[]> updates = new ArrayList<>(keys.size());
      for (List<Object> key : keys) {
        List<Object> args = new ArrayList<>(rows.get(key));
        args.addAll(key);
        updates.add(args.toArray());
      }
      int[] counts = jdbc.batchUpdate(updateSql(), updates);
      List<Object[]> inserts = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] < 0) {
          throw new IllegalStateException(
              "the JDBC driver reported no update count for " + table + "; counters need one");
        }
        if (counts[i] == 0) {
          List<Object> args = new ArrayList<>(keys.get(i));
          args.addAll(rows.get(keys.get(i)));
          inserts.add(args.toArray());
        }
      }
      if (!inserts.isEmpty()) {
        jdbc.batchUpdate(insertSql(), inserts);
      }
    }

    private String updateSql() {
      List<String> set = counterColumns.stream().map(c -> c + " = " + c + " + ?").toList();
      List<String> where = keyColumns.stream().map(c -> c + " = ?").toList();
      return "UPDATE "
          + table
          + " SET "
          + String.join(", ", set)
          + " WHERE "
          + String.join(" AND ", where);
    }

    private String insertSql() {
      List<String> columns = new ArrayList<>(keyColumns);
      columns.addAll(counterColumns);
      return "INSERT INTO "
          + table
          + " ("
          + String.join(", ", columns)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(columns.size(), "?"))
          + ")";
    }
  }
}
