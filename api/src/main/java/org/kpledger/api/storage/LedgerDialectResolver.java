package org.kpledger.api.storage;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link ByteaPostgreSQLDialect} when the node's database is PostgreSQL, so no operator has
 * to name a dialect; any other database gets Hibernate's own choice (this resolver answers null).
 * Registered through {@code hibernate.dialect_resolvers} in {@code application.yml}.
 */
public class LedgerDialectResolver implements DialectResolver {
  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaPostgreSQLDialect(info) : null;
  }
}
