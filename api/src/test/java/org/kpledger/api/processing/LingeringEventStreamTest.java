package org.kpledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The stream a tracking processor reads: once its reader waited for an event and one came, it
 * gathers what follows for up to the linger or a full batch, so that the processor's batch (the
 * first event plus what {@code peek} shows without waiting) holds them all.
 */
class LingeringEventStreamTest {
  private static final Duration LINGER = Duration.ofMillis(50);

  @Test
  void gathersTheEventsThatFollowWithinTheLingerBeforeAnsweringTheWaitingReader() throws Exception {
    Store store = new Store(3);
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

    assertThat(store.events).isEmpty();
    assertThat(drainWithoutWaiting(stream)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void stopsGatheringWhenABatchIsFull() throws Exception {
    Store store = new Store(5);
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 2);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

    assertThat(store.events).hasSize(3);
    assertThat(drainWithoutWaiting(stream)).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void waitsForTheNextEventNoLongerThanTheLinger() throws Exception {
    Store store = new Store(1);
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

    assertThat(store.waitsNanos.get(0)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    assertThat(store.waitsNanos.subList(1, store.waitsNanos.size()))
        .allSatisfy(w -> assertThat(w).isPositive().isLessThanOrEqualTo(LINGER.toNanos()));
    assertThat(drainWithoutWaiting(stream)).containsExactly(1L);
  }

  @Test
  void anEventAfterAnIdleWaitLongerThanTheLingerIsHandedOverAtOnce() throws Exception {
    Store store = new Store(3);
    long[] now = {0};
    store.onWait = () -> now[0] += LINGER.toNanos() + 1; // the first event came after an idle wait
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100, () -> now[0]);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

    assertThat(store.waitsNanos).containsExactly(TimeUnit.SECONDS.toNanos(1));
    assertThat(store.events).as("nothing gathered: the processor takes what is there").hasSize(3);
    assertThat(drainWithoutWaiting(stream)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void anEventThatCameWithinTheLingerStartsAGatheringAsWhileCommandsKeepComing() throws Exception {
    Store store = new Store(3);
    long[] now = {0};
    store.onWait = () -> now[0] += LINGER.toNanos() - 1;
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100, () -> now[0]);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();

    assertThat(store.events).isEmpty();
    assertThat(drainWithoutWaiting(stream)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aReaderThatDoesNotWaitIsNeverKeptWaiting() throws Exception {
    Store store = new Store(3);
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100);

    assertThat(stream.hasNextAvailable()).isTrue();
    assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();

    assertThat(store.waitsNanos).containsOnly(0L);
    assertThat(store.events).hasSize(3);
  }

  @Test
  void answersNoEventWhenNoneCameInTheReadersTime() throws Exception {
    Store store = new Store(0);
    LingeringEventStream stream = new LingeringEventStream(store, LINGER, 100);

    assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isFalse();
    assertThat(stream.peek()).isEmpty();
  }

  @Test
  void aZeroLingerHandsOutTheStoresOwnStream() {
    Store store = new Store(1);
    assertThat(new LingeringEventSource(token -> store, Duration.ZERO, 100).openStream(null))
        .isSameAs(store);
    assertThat(new LingeringEventSource(token -> store, LINGER, 100).openStream(null))
        .isInstanceOf(LingeringEventStream.class);
  }

  @Test
  void refusesANegativeLingerAndAnEmptyBatch() {
    Store store = new Store(0);
    assertThatThrownBy(() -> new LingeringEventStream(store, Duration.ofMillis(-1), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linger");
    assertThatThrownBy(() -> new LingeringEventStream(store, LINGER, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch size");
  }

  /** Takes events while peek shows one, as Axon's processor fills a batch. */
  private static List<Long> drainWithoutWaiting(LingeringEventStream stream) throws Exception {
    List<Long> taken = new ArrayList<>();
    while (stream.peek().isPresent()) {
      taken.add(
          ((GlobalSequenceTrackingToken) stream.nextAvailable().trackingToken()).getGlobalIndex());
    }
    return taken;
  }

  /** A store stream whose events are all there already; it records how long each reader waited. */
  private static final class Store implements BlockingStream<TrackedEventMessage<?>> {
    final ArrayDeque<TrackedEventMessage<?>> events = new ArrayDeque<>();
    final List<Long> waitsNanos = new ArrayList<>();
    Runnable onWait = () -> {};

    Store(int count) {
      LongStream.rangeClosed(1, count)
          .forEach(
              i ->
                  events.add(
                      new GenericTrackedEventMessage<>(
                          new GlobalSequenceTrackingToken(i),
                          GenericEventMessage.asEventMessage("event " + i))));
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return Optional.ofNullable(events.peekFirst());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) {
      waitsNanos.add(unit.toNanos(timeout));
      onWait.run();
      return !events.isEmpty();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() {
      return events.removeFirst();
    }

    @Override
    public void close() {}
  }
}
