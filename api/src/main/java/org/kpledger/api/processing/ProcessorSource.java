package org.kpledger.api.processing;

import java.time.Duration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The message source both tracking processors name in {@code application.yml} ({@code
 * axon.eventhandling.processors.*.source: lingeringEvents}). {@code kp.processors.linger} (default
 * 50 ms, at most 1 s, {@code PT0S} turns it off) is how long a processor that found an event waits
 * for more before it processes them, unless a batch ({@code batch-size} of the {@code projections}
 * processor) is full first: on H2 each processor batch is a commit that writes a chunk, and single
 * commands arriving one by one would otherwise cost each processor a commit per command group.
 * Whatever waits for a projection or a leaf waits up to the linger longer.
 */
@Configuration
class ProcessorSource {
  static final Duration MAX_LINGER = Duration.ofSeconds(1);

  @Bean
  StreamableMessageSource<TrackedEventMessage<?>> lingeringEvents(
      @Lazy EventStore eventStore,
      @Value("${kp.processors.linger}") Duration linger,
      @Value("${axon.eventhandling.processors.projections.batch-size:100}") int batchSize) {
    // Axon's processor waits at most 1 s for an event before it extends its token claim
    if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
      throw new IllegalArgumentException(
          "kp.processors.linger must be between PT0S and " + MAX_LINGER + ", was " + linger);
    }
    return new LingeringEventSource(eventStore, linger, batchSize);
  }
}
