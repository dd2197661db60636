package org.kpledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;

/** Runs JDBC work in the right transaction; see the package documentation for the rules. */
public final class JdbcWork {

  /**
   * One unit of work on a connection.
   *
   * @param <T> what the work returns
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work; must not commit, roll back, close the connection or change its auto-commit.
     *
     * @param connection the connection to use
     * @return the result
     * @throws SQLException if the database refuses
     */
    T run(Connection connection) throws SQLException;
  }

  private JdbcWork() {}

  /**
   * Runs {@code work} atomically: in the caller's transaction if the connection belongs to one,
   * else in a new transaction that is committed when the work returns and rolled back if it throws.
   *
   * @param connections where the connection comes from
   * @param work the work
   * @param <T> what the work returns
   * @return the work's result
   * @throws JdbcException if the database refuses
   */
  public static <T> T atomically(ConnectionProvider connections, Work<T> work) {
    try (Connection connection = connections.getConnection()) {
      if (!connection.getAutoCommit()) {
        return work.run(connection);
      }
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JdbcException("database refused: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in the caller's transaction, refusing to run outside one. For writes that are
   * only correct if they commit or roll back together with the caller's other writes.
   *
   * @param connections where the connection comes from
   * @param purpose what the transaction must also hold, for the error message
   * @param work the work
   * @param <T> what the work returns
   * @return the work's result
   * @throws IllegalStateException if the connection has auto-commit on (no transaction)
   * @throws JdbcException if the database refuses
   */
  public static <T> T inCallersTransaction(
      ConnectionProvider connections, String purpose, Work<T> work) {
    try (Connection connection = connections.getConnection()) {
      if (connection.getAutoCommit()) {
        throw new IllegalStateException(
            "no transaction: this write must commit together with " + purpose);
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcException("database refused: " + e.getMessage(), e);
    }
  }

  /**
   * Runs read-only {@code work} on whatever connection the provider gives, in or out of a
   * transaction.
   *
   * @param connections where the connection comes from
   * @param work the work
   * @param <T> what the work returns
   * @return the work's result
   * @throws JdbcException if the database refuses
   */
  public static <T> T read(ConnectionProvider connections, Work<T> work) {
    try (Connection connection = connections.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcException("database refused: " + e.getMessage(), e);
    }
  }

  /**
   * Runs each DDL statement (expected to be idempotent, {@code CREATE ... IF NOT EXISTS})
   * atomically.
   *
   * @param connections where the connection comes from
   * @param statements the statements, in order
   * @throws JdbcException if the database refuses
   */
  public static void executeDdl(ConnectionProvider connections, String... statements) {
    atomically(
        connections,
        connection -> {
          try (var statement = connection.createStatement()) {
            for (String sql : statements) {
              statement.execute(sql);
            }
          }
          return null;
        });
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
