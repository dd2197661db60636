package org.kpledger.api.projection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a projection handler writes its query tables: {@link #write} and {@link #addTo} are held in
 * the processor batch's {@link PendingWrites} and sent as JDBC batches when the batch commits;
 * {@link #queryForList} reads one table after sending that table's pending writes; {@link #jdbc()}
 * is for everything else (other reads, statements that read another table) and sends all the
 * pending writes first, so a handler always reads what the handlers before it wrote. Outside a unit
 * of work (a test calling a handler directly) every write runs at once. The command path writes its
 * receipts and envelopes the same way, in the unit of work of a command, a batch or a commit group
 * ({@code CommandReceipts.storeAtCommit}, {@code CommandEnvelopes.storeAtCommit}).
 */
public final class ProjectionWriter {
  private static final Pattern WRITE =
      Pattern.compile(
          "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)\\b.*", Pattern.DOTALL);

  /** A table a statement reads: the word after FROM or JOIN (or a parenthesis: refused). */
  private static final Pattern READ =
      Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\(|\\w+)", Pattern.CASE_INSENSITIVE);

  /** A FROM list of several tables ({@code FROM t, u}), which {@link #READ} would not see. */
  private static final Pattern FROM_LIST =
      Pattern.compile("\\bFROM\\s+\\w+(?:\\s+(?:AS\\s+)?\\w+)?\\s*,", Pattern.CASE_INSENSITIVE);

  private static final Pattern SELECT = Pattern.compile("\\bSELECT\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Statements {@link #write} has taken, with the table each writes: the handlers' statements are
   * constants, so each is checked once rather than by four expressions at every row. Bounded, for a
   * caller that builds its statements' text.
   */
  private static final Map<String, String> CHECKED = new ConcurrentHashMap<>();

  private static final int CHECKED_MAX = 4096;

  /**
   * SELECTs {@link #queryForList} has taken, with the one table each reads; bounded the same way.
   */
  private static final Map<String, String> CHECKED_READS = new ConcurrentHashMap<>();

  /** A table named with its schema ({@code FROM public.t}), which {@link #READ} would misname. */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:FROM|JOIN)\\s+\\w+\\s*\\.", Pattern.CASE_INSENSITIVE);

  private static final Pattern SELECT_FIRST =
      Pattern.compile("^\\s*SELECT\\b", Pattern.CASE_INSENSITIVE);

  private final JdbcTemplate template;
  private final JdbcOperations flushingFirst;

  /**
   * @param template the ledger database's template, used in the processor's transaction
   */
  public ProjectionWriter(JdbcTemplate template) {
    this.template = template;
    this.flushingFirst =
        (JdbcOperations)
            Proxy.newProxyInstance(
                JdbcOperations.class.getClassLoader(),
                new Class<?>[] {JdbcOperations.class},
                (proxy, method, args) -> {
                  if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(template, args);
                  }
                  PendingWrites.flushCurrent();
                  try {
                    return method.invoke(template, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  /**
   * The database for reads and for statements that must run now: every call first sends the writes
   * pending in the current processor batch.
   */
  public JdbcOperations jdbc() {
    return flushingFirst;
  }

  /**
   * Runs a SELECT that reads one table and returns its one column, after sending only the writes to
   * that table pending in the current processor batch. The batch's writes to other tables cannot
   * change what it reads (a queued write touches only its own table), so they stay queued and go
   * out with the rest at the commit, where {@link #jdbc()} would send them all now: a handler that
   * reads at every transfer (the statistics' carats of the item) then no longer splits a batch of
   * 100 events into a round trip per statement.
   *
   * @throws IllegalArgumentException if the statement is not a SELECT of one table (a join, a FROM
   *     list or a subquery of another table, or no table at all)
   */
  public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
    String table = CHECKED_READS.get(sql);
    if (table == null) {
      table = tableRead(sql);
      if (CHECKED_READS.size() < CHECKED_MAX) {
        CHECKED_READS.put(sql, table);
      }
    }
    PendingWrites.flushCurrent(table);
    return template.queryForList(sql, elementType, args);
  }

  /** The one table a SELECT reads, lower case, if it is a read {@link #queryForList} takes. */
  private static String tableRead(String sql) {
    Matcher read = READ.matcher(sql);
    if (!SELECT_FIRST.matcher(sql).lookingAt()
        || !read.find()
        || read.group(1).equals("(")
        || QUALIFIED.matcher(sql).find()
        || !readsOnly(read.group(1), sql)) {
      throw new IllegalArgumentException(
          "not a SELECT of one table, run it through jdbc(): " + sql);
    }
    return read.group(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Queues an INSERT, UPDATE or DELETE of one table whose update count the handler does not need.
   * It may read that table ({@code INSERT INTO t ... SELECT ... FROM t}, {@code UPDATE t ... WHERE
   * id < (SELECT MAX(id) FROM t ...)}): writes to one table run in their order, so it reads what
   * the writes queued before it left. It must not read another table: such a statement goes through
   * {@link #jdbc()}.
   *
   * @throws IllegalArgumentException if the statement is not such a write
   */
  public void write(String sql, Object... args) {
    String table = CHECKED.get(sql);
    if (table == null) {
      table = tableWritten(sql);
      if (CHECKED.size() < CHECKED_MAX) {
        CHECKED.put(sql, table);
      }
    }
    PendingWrites writes = PendingWrites.current(template);
    if (writes == null) {
      template.update(sql, args);
    } else {
      writes.statement(table, sql, args);
    }
  }

  /** The one table {@code sql} writes, lower case, if it is a write {@link #write} takes. */
  private static String tableWritten(String sql) {
    Matcher m = WRITE.matcher(sql);
    if (!m.matches() || !readsOnly(m.group(1), sql)) {
      throw new IllegalArgumentException(
          "not a write of one table reading no other, run it through jdbc(): " + sql);
    }
    return m.group(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether every table that {@code sql} names after FROM or JOIN is {@code table} (a FROM list of
   * several tables is refused); a statement with a SELECT must name one (a SELECT of no table, or
   * of a table in a form this does not read, is refused).
   */
  private static boolean readsOnly(String table, String sql) {
    if (FROM_LIST.matcher(sql).find()) {
      return false;
    }
    Matcher read = READ.matcher(sql);
    boolean named = false;
    while (read.find()) {
      if (!read.group(1).equalsIgnoreCase(table)) {
        return false;
      }
      named = true;
    }
    return named || !SELECT.matcher(sql).find();
  }

  /**
   * Adds {@code increments} to the counters of the row with these {@code keys}, creating the row
   * with the increments as its counters when there is none (UPDATE, then INSERT when no row
   * matched: the same SQL on H2 and PostgreSQL; safe because one processor thread writes a
   * projection). Increments must be integers or decimals, never null.
   */
  public void addTo(String table, Map<String, Object> keys, Map<String, Object> increments) {
    PendingWrites writes = PendingWrites.current(template);
    if (writes == null) {
      PendingWrites now = PendingWrites.detached(template);
      now.increment(table, keys, increments);
      now.flush();
    } else {
      writes.increment(table.toLowerCase(Locale.ROOT), keys, increments);
    }
  }
}
