package org.kpledger.api.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached or cannot write (its server stopped, the
 * embedded H2 file closed after a full disk, no connection within the pool's timeout) from every
 * other failure. The first is answered {@code 503} with {@code Retry-After}: nothing was committed,
 * so nothing was acknowledged, and the same envelope can be sent again once the database is back.
 */
public final class DatabaseUnavailable {
  /**
   * H2's error codes (org.h2.api.ErrorCode) for a database that is closed or cannot read or write
   * its file: DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, CONNECTION_BROKEN_1, IO_EXCEPTION_1,
   * IO_EXCEPTION_2, FILE_CREATION_FAILED_1, FILE_RENAME_FAILED_2, FILE_DELETE_FAILED_1.
   */
  static final Set<Integer> H2_CODES =
      Set.of(90098, 90121, 90067, 90028, 90031, 90062, 90024, 90025);

  private DatabaseUnavailable() {}

  /** Whether {@code failure}, or anything that caused it, says the database is out of reach. */
  public static boolean explains(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLException sql && lost(sql)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A lost or unusable database by its codes: SQLState class 08 (connection exception), 57P01 to
   * 57P03 (PostgreSQL shutting down or starting), class 53 (insufficient resources: disk full, out
   * of memory), one of H2's codes for a closed database or a failed file operation, or any failure
   * caused by an I/O error of the database's own storage.
   */
  static boolean lost(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08")
        || state.startsWith("57P0")
        || state.startsWith("53")
        || H2_CODES.contains(e.getErrorCode())
        || storageFailed(e)
        || droppedByThePool(e);
  }

  /**
   * The pool's proxy of a connection that it dropped as lost while a transaction still held it:
   * HikariCP then answers every call with "Connection is closed" and no SQLState.
   */
  private static boolean droppedByThePool(SQLException e) {
    StackTraceElement[] at = e.getStackTrace();
    return e.getSQLState() == null
        && at.length > 0
        && at[0]
            .getClassName()
            .startsWith("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection");
  }

  /**
   * An embedded database's read or write of its own file failed: H2 reports a write that met a full
   * disk as a general error (50000) caused by its store's exception, caused by the {@link
   * IOException} ("No space left on device"), and closes the database.
   */
  private static boolean storageFailed(SQLException e) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e.getCause(); t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
