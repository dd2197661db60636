package org.kpledger.api.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock every aggregate's repository takes before it loads the aggregate, and keeps until the
 * unit of work is done: Axon's own lock in this process, and with several nodes on one PostgreSQL
 * database ({@code kp.multi-node=true}) also a transaction-scoped advisory lock on the aggregate's
 * id in the database, which every node takes the same way.
 *
 * <p>Why the database lock: a command is often judged on aggregates it does not change. A purchase
 * reads its miner's zone and licences through {@link org.kpledger.custody.CustodyFacts}, an export
 * reads the zones and licences of its parcels' origins, and it appends nothing to them. Axon's lock
 * makes such a read wait for a command of the same node that changes that zone, but not for one of
 * another node; there the event store's unique (aggregate id, sequence number) key catches only two
 * appends to one aggregate. Without this lock a node could accept a purchase judged on a zone that
 * another node had just suspended, and the log would then hold the purchase after the suspension.
 * With it, the suspension waits until the purchase has committed, or the purchase's read waits
 * until the suspension has, and then reads it.
 *
 * <p>The lock is PostgreSQL's advisory lock on a 64-bit key derived from the aggregate's id ({@link
 * #key}), held until the transaction ends, whether it commits, rolls back or its node dies. An
 * aggregate read as a fact ({@link #reading}) is locked shared; one loaded to be changed or
 * created, exclusively; one read as a fact and then changed in the same unit of work, exclusively
 * before its events are stored ({@link #changing}). So purchases on several nodes read one zone at
 * once, and the zone's suspension waits for them all, as they wait for it. Each lock is taken once
 * per transaction, aggregate and mode, after Axon's lock in this process (exclusive, as before), so
 * within a node only the thread holding Axon's lock ever waits for it.
 *
 * <p>A wait longer than the lock timeout ({@code kp.multi-node-lock-timeout}), or a deadlock the
 * database detects between nodes, ends the command with Axon's {@link DeadlockException}, which the
 * command path answers {@code 503 RETRY} and a batch retries: nothing of it is recorded. The
 * timeout also breaks a cycle that runs through Axon's lock in one node and the database's between
 * nodes, which neither detects alone.
 */
public final class AggregateLocks implements LockFactory {
  /** Prefixed to the aggregate's id before hashing; part of the protocol between nodes. */
  static final String KEY_PREFIX = "kp.aggregate-lock:";

  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String DEADLOCK_DETECTED = "40P01";

  private static final String HELD = AggregateLocks.class.getName() + ".held";

  /**
   * One round trip: keeps the server's lock timeout, sets the node's for the lock alone, waits for
   * the lock ({@code %s}: the lock function), and sets the kept timeout back, so that the
   * transaction's later statements wait as they would have. Each step reads the one before it,
   * which orders them (they call volatile functions, so PostgreSQL runs each CTE once, as written).
   */
  private static final String LOCK =
      "WITH kept AS (SELECT current_setting('lock_timeout') AS timeout),"
          + " node AS (SELECT kept.timeout, set_config('lock_timeout', ?, true) FROM kept),"
          + " held AS (SELECT node.timeout, %s(?) FROM node)"
          + " SELECT set_config('lock_timeout', held.timeout, true) FROM held";

  private static final String EXCLUSIVE = LOCK.formatted("pg_advisory_xact_lock");
  private static final String SHARED = LOCK.formatted("pg_advisory_xact_lock_shared");

  /** How deep the current thread is in reads of facts ({@link #reading}). */
  private static final ThreadLocal<int[]> READING = ThreadLocal.withInitial(() -> new int[1]);

  private enum Mode {
    SHARED,
    EXCLUSIVE
  }

  private final LockFactory local;
  private final JdbcTemplate database;
  private final String timeout;

  private AggregateLocks(JdbcTemplate database, Duration timeout) {
    this.local = PessimisticLockFactory.usingDefaults();
    this.database = database;
    this.timeout = timeout == null ? null : String.valueOf(timeout.toMillis());
  }

  /** Axon's lock only: one node owns its database. */
  public static AggregateLocks inThisProcess() {
    return new AggregateLocks(null, null);
  }

  /**
   * Axon's lock and the database's: other nodes share the database.
   *
   * @param database the node's PostgreSQL database, used in the command's own transaction
   * @param timeout how long a command waits for another node's lock before it is answered {@code
   *     503 RETRY}
   */
  public static AggregateLocks acrossNodes(JdbcTemplate database, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "kp.multi-node-lock-timeout must be between 1 ms and 24 days, not " + timeout);
    }
    return new AggregateLocks(database, timeout);
  }

  /** Whether this factory also locks in the database. */
  public boolean acrossNodes() {
    return database != null;
  }

  /**
   * Runs a read of the facts a command is judged on ({@link org.kpledger.custody.CustodyFacts}):
   * the database locks of the aggregates it loads are shared.
   */
  public static <T> T reading(Supplier<T> read) {
    int[] depth = READING.get();
    depth[0]++;
    try {
      return read.get();
    } finally {
      depth[0]--;
    }
  }

  @Override
  public Lock obtainLock(String aggregateId) {
    Lock lock = local.obtainLock(aggregateId);
    if (database != null) {
      try {
        lockInDatabase(aggregateId, READING.get()[0] > 0 ? Mode.SHARED : Mode.EXCLUSIVE);
      } catch (RuntimeException | Error e) {
        lock.release();
        throw e;
      }
    }
    return lock;
  }

  /**
   * Makes sure the current transaction holds the exclusive lock of an aggregate it appends to. That
   * matters for one it read first as a fact (a shared lock) and then changed in the same unit of
   * work, where Axon hands out the loaded aggregate again without asking for its lock; for any
   * other it is held already and nothing happens.
   */
  public void changing(String aggregateId) {
    if (database != null) {
      lockInDatabase(aggregateId, Mode.EXCLUSIVE);
    }
  }

  /**
   * The event bus's dispatch interceptor that calls {@link #changing} for each event's aggregate,
   * when the unit of work prepares to commit, before the events are stored.
   */
  public MessageDispatchInterceptor<EventMessage<?>> beforeStoring() {
    return events ->
        (index, event) -> {
          if (event instanceof DomainEventMessage<?> domain
              && domain.getAggregateIdentifier() != null) {
            changing(domain.getAggregateIdentifier());
          }
          return event;
        };
  }

  /**
   * Takes the database's lock in the current transaction, once per transaction, aggregate and mode
   * (an exclusive lock covers a shared one). Out of a transaction (a read of an aggregate outside
   * command handling) there is nothing to hold it for, and nothing is locked.
   */
  private void lockInDatabase(String aggregateId, Mode mode) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !CurrentUnitOfWork.isStarted()) {
      return;
    }
    Map<String, Mode> held =
        CurrentUnitOfWork.get().root().getOrComputeResource(HELD, k -> new HashMap<>());
    Mode before = held.get(aggregateId);
    if (before == Mode.EXCLUSIVE || before == mode) {
      return;
    }
    try {
      database.query(mode == Mode.SHARED ? SHARED : EXCLUSIVE, rs -> {}, timeout, key(aggregateId));
    } catch (DataAccessException e) {
      if (!notGranted(e)) {
        throw e;
      }
      throw new DeadlockException(
          "the item "
              + aggregateId
              + " is held by a command on another node: its lock was not granted within "
              + timeout
              + " ms, or the database found a deadlock");
    }
    held.put(aggregateId, mode);
  }

  /** Whether the database refused the lock: a lock timeout (55P03) or a deadlock (40P01). */
  private static boolean notGranted(DataAccessException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
              || DEADLOCK_DETECTED.equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The advisory lock's key of an aggregate id: the first 8 bytes, big-endian, of the SHA-256 of
   * {@link #KEY_PREFIX} and the id in UTF-8. Every node must derive it alike; two ids that share a
   * key only wait for each other.
   */
  public static long key(String aggregateId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((KEY_PREFIX + aggregateId).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
