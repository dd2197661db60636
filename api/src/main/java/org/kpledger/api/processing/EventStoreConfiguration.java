package org.kpledger.api.processing;

import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's event store: Axon's embedded one on Axon's JPA storage engine, both built as Axon's
 * Spring Boot starter builds them (same bean names and qualifier; the starter steps back from both
 * once an event bus is defined, and this registers the engine's JPA entities as it would), the
 * store's reader woken by commits at most once per {@code kp.processors.fetch-interval} ({@link
 * CoalescedFetchEventStore}), the events' JSON kept packed unless {@code kp.event-store.pack-json}
 * is false ({@link PackedJsonStorageEngine}).
 */
@Configuration
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {
  static final Duration MAX_FETCH_INTERVAL = Duration.ofMillis(100);

  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration axon,
      EntityManagerProvider entityManagerProvider,
      TransactionManager transactionManager,
      @Value("${kp.event-store.pack-json}") boolean packJson) {
    return new PackedJsonStorageEngine(
        JpaEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(axon.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(axon.snapshotFilter())
            .entityManagerProvider(entityManagerProvider)
            .transactionManager(transactionManager),
        packJson);
  }

  @Qualifier("eventStore")
  @Bean(name = "eventBus")
  EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine,
      org.axonframework.config.Configuration axon,
      @Value("${kp.processors.fetch-interval}") Duration fetchInterval) {
    if (fetchInterval.isNegative() || fetchInterval.compareTo(MAX_FETCH_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "kp.processors.fetch-interval must be between PT0S and "
              + MAX_FETCH_INTERVAL
              + ", was "
              + fetchInterval);
    }
    return new CoalescedFetchEventStore(
        EmbeddedEventStore.builder()
            .storageEngine(storageEngine)
            .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
            .spanFactory(axon.getComponent(EventBusSpanFactory.class)),
        fetchInterval,
        CoalescedFetchEventStore.daemonTimer());
  }
}
