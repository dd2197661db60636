package org.kpledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The node's one event store is the one whose reader commits wake at most every {@code
 * kp.processors.fetch-interval} (10 ms by default), on Axon's JPA engine; that the processors still
 * see every command is the rest of the suite.
 */
class EventStoreWiringTest extends LedgerTestBase {
  @Autowired EventStore eventStore;
  @Autowired EventBus eventBus;
  @Autowired EventStorageEngine engine;

  @Test
  void theEventStoreIsTheCoalescedOneOnTheJpaEngine() throws Exception {
    assertThat(eventStore).isInstanceOf(CoalescedFetchEventStore.class).isSameAs(eventBus);
    assertThat(engine).isInstanceOf(PackedJsonStorageEngine.class);
    Field interval = CoalescedFetchEventStore.class.getDeclaredField("interval");
    interval.setAccessible(true);
    assertThat(interval.get(eventStore)).isEqualTo(Duration.ofMillis(10));
  }
}
