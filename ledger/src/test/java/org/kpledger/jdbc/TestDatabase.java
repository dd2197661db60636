package org.kpledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private H2 in-memory database for one test, living until the JVM exits, with a connection
 * provider that counts the statements prepared on its connections.
 */
public final class TestDatabase {

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private final AtomicInteger statements = new AtomicInteger();

  /** Creates a fresh, empty database. */
  public TestDatabase() {
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
  }

  /**
   * Returns the data source.
   *
   * @return connections with auto-commit on, as a pool hands them out
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Returns a provider of new auto-commit connections that counts prepared statements.
   *
   * @return the provider
   */
  public ConnectionProvider connections() {
    return () -> counting(dataSource.getConnection());
  }

  /**
   * Returns how many statements were prepared through {@link #connections()} so far.
   *
   * @return the count
   */
  public int statementsPrepared() {
    return statements.get();
  }

  private Connection counting(Connection connection) {
    return (Connection)
        java.lang.reflect.Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")) {
                statements.incrementAndGet();
              }
              try {
                return method.invoke(connection, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /**
   * Runs one SQL query returning a single number, for assertions.
   *
   * @param sql the query
   * @return the first column of the first row
   * @throws SQLException if the query fails
   */
  public long queryForLong(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
