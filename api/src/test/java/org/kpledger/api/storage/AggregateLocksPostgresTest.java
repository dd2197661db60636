package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.lock.Lock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.api.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AggregateLocks} on a real PostgreSQL database, seen from a second connection that plays
 * another node: a fact read holds a shared lock that other readers share and a writer does not, an
 * aggregate loaded to be changed is held exclusively, an aggregate read as a fact and then appended
 * to is held exclusively once its events are about to be stored, and all of it ends with the
 * transaction. Runs in the PostgreSQL pass ({@code kp.test.postgres}).
 */
@EnabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class AggregateLocksPostgresTest {
  private Map<String, String> settings;
  private DriverManagerDataSource dataSource;
  private Connection otherNode;

  @BeforeEach
  void database() throws SQLException {
    settings = TestDatabase.fresh().orElseThrow();
    dataSource =
        new DriverManagerDataSource(
            settings.get("spring.datasource.url"),
            settings.get("spring.datasource.username"),
            settings.get("spring.datasource.password"));
    otherNode = dataSource.getConnection();
  }

  @AfterEach
  void close() throws SQLException {
    otherNode.close();
  }

  @Test
  void factsAreSharedChangesExclusiveAndAFactAppendedToBecomesExclusive() throws Exception {
    AggregateLocks locks =
        AggregateLocks.acrossNodes(new JdbcTemplate(dataSource), Duration.ofSeconds(5));
    new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .executeWithoutResult(
            tx -> {
              UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
              try {
                Lock zone = AggregateLocks.reading(() -> locks.obtainLock("Z-1"));
                assertThat(otherCanTake("Z-1", true)).as("another reader").isTrue();
                assertThat(otherCanTake("Z-1", false)).as("another writer").isFalse();

                Lock site = locks.obtainLock("S-1");
                assertThat(otherCanTake("S-1", true)).as("a reader of a changed item").isFalse();

                EventMessage<?> appended =
                    new GenericDomainEventMessage<>("Zone", "Z-1", 7, "decision");
                locks.beforeStoring().handle(List.of(appended)).apply(0, appended);
                assertThat(otherCanTake("Z-1", true))
                    .as("a reader once Z-1 is appended to")
                    .isFalse();
                zone.release();
                site.release();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              } finally {
                uow.commit();
              }
            });
    assertThat(otherCanTake("Z-1", false)).as("after the transaction").isTrue();
    assertThat(otherCanTake("S-1", false)).isTrue();
  }

  @Test
  void outOfATransactionNothingIsLockedInTheDatabase() throws Exception {
    AggregateLocks locks =
        AggregateLocks.acrossNodes(new JdbcTemplate(dataSource), Duration.ofSeconds(5));
    UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(new GenericMessage<>("query"));
    try {
      Lock lock = locks.obtainLock("Z-2");
      assertThat(otherCanTake("Z-2", false)).isTrue();
      lock.release();
    } finally {
      uow.commit();
    }
  }

  /** Whether the other connection would get the lock now (tried and, in autocommit, let go). */
  private boolean otherCanTake(String aggregateId, boolean shared) throws SQLException {
    String function = shared ? "pg_try_advisory_xact_lock_shared" : "pg_try_advisory_xact_lock";
    try (PreparedStatement s = otherNode.prepareStatement("SELECT " + function + "(?)")) {
      s.setLong(1, AggregateLocks.key(aggregateId));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
