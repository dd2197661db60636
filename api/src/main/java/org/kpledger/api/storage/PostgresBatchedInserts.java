package org.kpledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the JDBC driver send a JDBC batch of INSERTs as multi-row INSERTs ({@code
 * reWriteBatchedInserts=true}) rather than one statement execution per row: the event store's
 * inserts (Hibernate sends a command's or a batch's events as one JDBC batch), the anchoring
 * processor's leaves and Merkle nodes and the projections' rows. Each statement the server parses,
 * plans and executes costs CPU on the server whatever its rows; what is written, and when it is
 * committed, is the same. (The driver then reports a rewritten batch's update counts as {@code
 * SUCCESS_NO_INFO}: nothing in the node reads the counts of an INSERT batch; the projections'
 * counter UPDATEs, whose counts are read, are not rewritten.)
 *
 * <p>Any other database is left alone (H2 refuses connection settings it does not know). A URL that
 * names the setting ({@code ?reWriteBatchedInserts=false}) wins: the driver reads the URL's
 * parameters after the data source's properties.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {
  /** The PostgreSQL JDBC driver's connection property. */
  static final String PROPERTY = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool
        && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
      pool.addDataSourceProperty(PROPERTY, "true");
    }
    return bean;
  }
}
