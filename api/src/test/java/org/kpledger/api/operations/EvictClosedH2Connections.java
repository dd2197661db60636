package org.kpledger.api.operations;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the connection pool drop a connection whose H2 server went away. The PostgreSQL driver
 * reports a lost server with SQLState class 08, which HikariCP evicts by itself; H2's remote client
 * reports it as "database closed" or "connection broken" (90121, 90067), which HikariCP would keep
 * handing out after the server is back.
 */
public class EvictClosedH2Connections implements SQLExceptionOverride {
  @java.lang.Override
  public Override adjudicate(SQLException e) {
    int code = e.getErrorCode();
    return code == 90121 || code == 90067 ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
  }
}
