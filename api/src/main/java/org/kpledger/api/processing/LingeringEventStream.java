package org.kpledger.api.processing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event stream that, when its reader is willing to wait and an event is available, keeps
 * gathering the events that follow for up to the linger, or until a batch is full, before it says
 * so. Axon's {@code TrackingEventProcessor} takes a batch as the first event its {@code
 * hasNextAvailable(timeout)} waited for plus whatever {@code peek} shows next without waiting, and
 * commits each batch in its own transaction (on H2 a chunk written to the file): without the
 * linger, commands arriving one by one become batches of one command's events each.
 *
 * <p>It lingers only while events keep coming: a reader that waited longer than the linger for the
 * first event was idle, and gets that event at once, so a command sent alone to a quiet node is
 * projected (and becomes a leaf) as fast as without the linger; the batches that follow it while
 * commands keep arriving linger. Events are handed over in the order the underlying stream gave
 * them; a reader that does not wait ({@code hasNextAvailable()}, {@code peek}) never waits here
 * either. Used by one processor thread, as Axon uses a stream.
 */
final class LingeringEventStream implements BlockingStream<TrackedEventMessage<?>> {
  private final BlockingStream<TrackedEventMessage<?>> events;
  private final long lingerNanos;
  private final int batchSize;
  private final LongSupplier nanoTime;
  private final ArrayDeque<TrackedEventMessage<?>> gathered = new ArrayDeque<>();

  LingeringEventStream(
      BlockingStream<TrackedEventMessage<?>> events, Duration linger, int batchSize) {
    this(events, linger, batchSize, System::nanoTime);
  }

  /** As above, timed by {@code nanoTime} (tests give their own clock). */
  LingeringEventStream(
      BlockingStream<TrackedEventMessage<?>> events,
      Duration linger,
      int batchSize,
      LongSupplier nanoTime) {
    if (linger.isNegative() || batchSize < 1) {
      throw new IllegalArgumentException(
          "the linger must not be negative and the batch size at least 1, was "
              + linger
              + " and "
              + batchSize);
    }
    this.events = events;
    this.lingerNanos = linger.toNanos();
    this.batchSize = batchSize;
    this.nanoTime = nanoTime;
  }

  @Override
  public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
    if (!gathered.isEmpty()) {
      return true;
    }
    long waitFrom = nanoTime.getAsLong();
    if (!events.hasNextAvailable(timeout, unit)) {
      return false;
    }
    if (timeout > 0 && nanoTime.getAsLong() - waitFrom < lingerNanos) {
      gather();
    }
    return true;
  }

  /** Takes what follows the available event until a batch is full or the linger is over. */
  private void gather() throws InterruptedException {
    long deadline = nanoTime.getAsLong() + lingerNanos;
    gathered.add(events.nextAvailable());
    while (gathered.size() < batchSize) {
      long left = deadline - nanoTime.getAsLong();
      if (left <= 0
          || !events.hasNextAvailable(
              (int) Math.min(left, Integer.MAX_VALUE), TimeUnit.NANOSECONDS)) {
        return;
      }
      gathered.add(events.nextAvailable());
    }
  }

  @Override
  public boolean hasNextAvailable() {
    return !gathered.isEmpty() || events.hasNextAvailable();
  }

  @Override
  public Optional<TrackedEventMessage<?>> peek() {
    return gathered.isEmpty() ? events.peek() : Optional.of(gathered.peekFirst());
  }

  @Override
  public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
    return gathered.isEmpty() ? events.nextAvailable() : gathered.pollFirst();
  }

  @Override
  public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
    events.skipMessagesWithPayloadTypeOf(ignoredMessage);
  }

  @Override
  public boolean setOnAvailableCallback(Runnable callback) {
    return events.setOnAvailableCallback(callback);
  }

  @Override
  public void close() {
    gathered.clear();
    events.close();
  }
}
