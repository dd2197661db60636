package org.kpledger.api.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the connection pool drop every connection that failed because the database is gone or
 * closed ({@link DatabaseUnavailable#lost}), so the pool opens new ones when it is back. HikariCP
 * evicts on SQLState class 08 and a few vendor codes by itself; it keeps a connection to an
 * embedded H2 database that closed itself after a write failed (a full disk: {@code
 * DATABASE_IS_CLOSED}, 90098), or to an H2 server that went away (90121, 90067), and would hand it
 * out for ever. A new connection to a closed embedded H2 file opens the file again. Named in {@code
 * spring.datasource.hikari.exception-override-class-name}.
 */
public class EvictLostConnections implements SQLExceptionOverride {
  @java.lang.Override
  public Override adjudicate(SQLException e) {
    return DatabaseUnavailable.lost(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
  }
}
