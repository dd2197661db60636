package org.kpledger.anchoring.leaf;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.kpledger.jdbc.TestDatabase;
import org.kpledger.merkle.jdbc.JdbcNodeStore;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One H2 database holding what the ledger keeps: Axon's JDBC event store and token store, the
 * Merkle nodes and the leaf index, all on connections bound to one transaction manager, as the api
 * binds them to its JPA transaction manager. Public for the publisher tests in {@code
 * anchoring.publish}.
 */
public final class LedgerDatabase {

  public final TestDatabase database = new TestDatabase();
  public final TransactionManager transactions =
      new SpringTransactionManager(new DataSourceTransactionManager(database.dataSource()));
  public final ConnectionProvider connections =
      new SpringDataSourceConnectionProvider(database.dataSource());
  public final Serializer serializer =
      JacksonSerializer.builder()
          .objectMapper(JsonMapper.builder().findAndAddModules().build())
          .build();
  public final JdbcEventStorageEngine events =
      JdbcEventStorageEngine.builder()
          .connectionProvider(connections)
          .transactionManager(transactions)
          .eventSerializer(serializer)
          .snapshotSerializer(serializer)
          .build();
  public final JdbcTokenStore tokens =
      JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build();
  public final JdbcNodeStore nodes;
  public final JdbcLeafIndex leaves;

  public LedgerDatabase() {
    events.createSchema(new H2EventTableFactory());
    tokens.createSchema(GenericTokenTableFactory.INSTANCE);
    nodes = new JdbcNodeStore(connections, JdbcLeafIndex.LEAF_HASHES).createTablesIfAbsent();
    leaves = new JdbcLeafIndex(connections).createTableIfAbsent();
  }
}
