package org.kpledger.api.processing;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the tracking processors read it: the same events, tokens and positions, each
 * stream a {@link LingeringEventStream}. A linger of zero hands out the store's own streams.
 */
final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
  private final StreamableMessageSource<TrackedEventMessage<?>> store;
  private final Duration linger;
  private final int batchSize;

  LingeringEventSource(
      StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger, int batchSize) {
    this.store = store;
    this.linger = linger;
    this.batchSize = batchSize;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
    BlockingStream<TrackedEventMessage<?>> events = store.openStream(trackingToken);
    return linger.isZero() ? events : new LingeringEventStream(events, linger, batchSize);
  }

  @Override
  public TrackingToken createTailToken() {
    return store.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return store.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return store.createTokenAt(dateTime);
  }

  @Override
  public TrackingToken createTokenSince(Duration duration) {
    return store.createTokenSince(duration);
  }
}
