package org.kpledger.api.storage;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL with Axon's {@code @Lob} columns (event payloads, metadata with the signed envelope,
 * tokens, snapshots) stored inline as {@code bytea}. Hibernate's own dialect maps them to {@code
 * oid} large objects: the row then holds a number, the bytes live in {@code pg_largeobject}, a
 * plain {@code SELECT} of the column (the anchoring processor's leaf encoding, the audit export)
 * reads that number instead of the event, and deleted rows leave orphaned objects behind. Axon's
 * reference guide names this mapping as the workaround ("PostgreSQL and large object storage").
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

  /** The dialect for the server version Hibernate detected. */
  public ByteaPostgreSQLDialect(DialectResolutionInfo info) {
    super(info);
  }

  @Override
  protected String columnType(int sqlTypeCode) {
    return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
  }

  @Override
  protected String castType(int sqlTypeCode) {
    return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
  }

  @Override
  public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
    super.contributeTypes(contributions, registry);
    contributions
        .getTypeConfiguration()
        .getJdbcTypeRegistry()
        .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
  }
}
