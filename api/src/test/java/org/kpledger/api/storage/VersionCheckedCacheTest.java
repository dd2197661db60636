package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link VersionCheckedCache} against an event store table on H2: an entry is served while the
 * store's last sequence number of its aggregate is the entry's, and dropped once the store holds a
 * newer event (another node appended) or none at that number (its events were rolled back). The
 * entries are Axon's own, built from aggregates sourced from events, so the version this class
 * reads out of them is checked against Axon's. {@code CrossNodeReadIT} runs the cache in two node
 * processes on PostgreSQL.
 */
class VersionCheckedCacheTest {
  private JdbcTemplate store;
  private Cache entries;
  private SimpleMeterRegistry meters;
  private VersionCheckedCache cache;

  /** An aggregate as small as Axon takes one. */
  static final class Zone {
    @AggregateIdentifier String id;
    int decisions;

    @EventSourcingHandler
    void on(String decision) {
      decisions++;
    }
  }

  @BeforeEach
  void store() {
    DriverManagerDataSource db =
        new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    store = new JdbcTemplate(db);
    store.execute(
        "CREATE TABLE domain_event_entry (aggregate_identifier VARCHAR(255) NOT NULL,"
            + " sequence_number BIGINT NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
    entries = new WeakReferenceCache();
    meters = new SimpleMeterRegistry();
    cache = new VersionCheckedCache(entries, store, meters);
  }

  @Test
  void theVersionReadOutOfAnEntryIsTheAggregatesLastSequenceNumber() {
    assertThat(VersionCheckedCache.version(new AggregateCacheEntry<>(sourced("Z-1", 3))))
        .isEqualTo(2L);
    assertThat(VersionCheckedCache.version(new AggregateCacheEntry<>(sourced("Z-1", 1))))
        .isEqualTo(0L);
  }

  @Test
  void anEntryIsServedWhileTheStoreHoldsNothingNewerOfItsAggregate() {
    appended("Z-1", 0, 2);
    AggregateCacheEntry<Zone> entry = new AggregateCacheEntry<>(sourced("Z-1", 3));
    cache.put("Z-1", entry);

    assertThat(cache.<String, Object>get("Z-1")).isSameAs(entry);
    assertThat(cache.<String, Object>get("Z-1")).isSameAs(entry);
    assertThat(outcome("served")).isEqualTo(2);
    assertThat(outcome("stale")).isZero();
  }

  @Test
  void anEntryIsDroppedOnceAnotherNodeHasAppendedToItsAggregate() {
    appended("Z-1", 0, 2);
    cache.put("Z-1", new AggregateCacheEntry<>(sourced("Z-1", 3)));
    appended("Z-1", 3, 3);

    assertThat(cache.<String, Object>get("Z-1")).as("stale: replay it").isNull();
    assertThat(entries.containsKey("Z-1")).as("dropped").isFalse();
    assertThat(outcome("stale")).isEqualTo(1);

    AggregateCacheEntry<Zone> replayed = new AggregateCacheEntry<>(sourced("Z-1", 4));
    cache.put("Z-1", replayed);
    assertThat(cache.<String, Object>get("Z-1")).isSameAs(replayed);
  }

  @Test
  void anEntryAheadOfTheStoreIsDropped() {
    // cached at prepare-commit, then the transaction rolled back: the store ends at 1
    appended("Z-1", 0, 1);
    cache.put("Z-1", new AggregateCacheEntry<>(sourced("Z-1", 3)));
    assertThat(cache.<String, Object>get("Z-1")).isNull();

    cache.put("Z-2", new AggregateCacheEntry<>(sourced("Z-2", 1)));
    assertThat(cache.<String, Object>get("Z-2")).as("nothing of Z-2 stored").isNull();
    assertThat(outcome("stale")).isEqualTo(2);
    assertThat(outcome("served")).isZero();
  }

  @Test
  void aMissAsksTheStoreNothing() {
    store.execute("DROP TABLE domain_event_entry");
    assertThat(cache.<String, Object>get("Z-1")).isNull();
    assertThat(outcome("served") + outcome("stale")).isZero();
  }

  private static EventSourcedAggregate<Zone> sourced(String id, int events) {
    Zone root = new Zone();
    root.id = id;
    EventSourcedAggregate<Zone> aggregate =
        EventSourcedAggregate.initialize(
            root,
            AnnotatedAggregateMetaModelFactory.inspectAggregate(Zone.class),
            null,
            NoSnapshotTriggerDefinition.TRIGGER);
    aggregate.initializeState(
        DomainEventStream.of(
            LongStream.range(0, events)
                .mapToObj(n -> new GenericDomainEventMessage<>("Zone", id, n, "decision " + n))
                .toArray(GenericDomainEventMessage[]::new)));
    assertThat(root.decisions).isEqualTo(events);
    return aggregate;
  }

  private void appended(String id, long first, long last) {
    for (long n = first; n <= last; n++) {
      store.update(
          "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number) VALUES (?, ?)",
          id,
          n);
    }
  }

  private double outcome(String outcome) {
    return meters.get("kp.aggregates.cache").tag("outcome", outcome).counter().count();
  }
}
