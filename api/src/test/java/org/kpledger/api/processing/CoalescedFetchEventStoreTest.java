package org.kpledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Axon's embedded event store with its reader woken at most once per interval by commits: given a
 * processor's stream that caught up and a reader waiting, when commits come, then one wake-up is
 * scheduled for all of them and, once it runs, one read hands the stream every event in order.
 */
class CoalescedFetchEventStoreTest {
  private static final Duration INTERVAL = Duration.ofMillis(10);

  private final ReadCountingEngine engine = new ReadCountingEngine();
  private final HandTimer timer = new HandTimer();
  private EmbeddedEventStore store;

  @AfterEach
  void shutDown() {
    if (store != null) {
      store.shutDown();
    }
  }

  @Test
  void oneWakeUpForManyCommitsAndOneReadFindsThemAll() throws Exception {
    store = store(INTERVAL, timer);
    BlockingStream<TrackedEventMessage<?>> stream = caughtUpStream();

    for (int i = 0; i < 100; i++) {
      store.publish(GenericEventMessage.asEventMessage("event " + i));
    }

    assertThat(timer.tasks).hasSize(1);
    assertThat(timer.delays).containsExactly(INTERVAL);
    assertThat(stream.hasNextAvailable())
        .as("no event reaches the stream before the wake-up")
        .isFalse();
    assertThat(engine.readerReads.get()).isEqualTo(1);

    timer.runAll();

    assertThat(payloads(stream, 100)).containsExactlyElementsOf(expected(0, 100));
    // the reader looked again until it found nothing more: a read with the 100, an empty one
    assertThat(engine.readerReads.get()).isBetween(2, 3);
  }

  @Test
  void aCommitAfterTheWakeUpRanSchedulesTheNext() throws Exception {
    store = store(INTERVAL, timer);
    BlockingStream<TrackedEventMessage<?>> stream = caughtUpStream();
    store.publish(GenericEventMessage.asEventMessage("event 0"));
    timer.runAll();
    assertThat(payloads(stream, 1)).containsExactly("event 0");

    store.publish(GenericEventMessage.asEventMessage("event 1"));

    assertThat(timer.tasks).hasSize(1);
    timer.runAll();
    assertThat(payloads(stream, 1)).containsExactly("event 1");
  }

  @Test
  void aZeroIntervalWakesTheReaderAtEveryCommitAsAxonDoes() throws Exception {
    store = store(Duration.ZERO, timer);
    BlockingStream<TrackedEventMessage<?>> stream = caughtUpStream();

    for (int i = 0; i < 3; i++) {
      store.publish(GenericEventMessage.asEventMessage("event " + i));
    }

    assertThat(timer.tasks).isEmpty();
    assertThat(payloads(stream, 3)).containsExactlyElementsOf(expected(0, 3));
  }

  @Test
  void aTimerThatIsShutDownLeavesTheWakeUpToTheCommit() throws Exception {
    CoalescedFetchEventStore.Timer refusing =
        new CoalescedFetchEventStore.Timer() {
          @Override
          public void schedule(Runnable task, Duration delay) {
            throw new RejectedExecutionException("shut down");
          }

          @Override
          public void shutDown() {}
        };
    store = store(INTERVAL, refusing);
    BlockingStream<TrackedEventMessage<?>> stream = caughtUpStream();

    store.publish(GenericEventMessage.asEventMessage("event 0"));
    store.publish(GenericEventMessage.asEventMessage("event 1"));

    assertThat(payloads(stream, 2)).containsExactly("event 0", "event 1");
  }

  @Test
  void refusesANegativeInterval() {
    assertThatThrownBy(
            () ->
                new CoalescedFetchEventStore(
                    EmbeddedEventStore.builder().storageEngine(engine),
                    Duration.ofMillis(-1),
                    timer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void shuttingTheStoreDownStopsItsTimer() {
    store = store(INTERVAL, timer);

    store.shutDown();

    assertThat(timer.shutDown).isTrue();
  }

  private EmbeddedEventStore store(Duration interval, CoalescedFetchEventStore.Timer timer) {
    // the reader's own look every fetchDelay is pushed out of the test's way
    return new CoalescedFetchEventStore(
        EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(TimeUnit.HOURS.toMillis(1)),
        interval,
        timer);
  }

  /**
   * A stream that has read the (empty) store by itself and now follows the reader, once the reader
   * has made its first read and waits.
   */
  private BlockingStream<TrackedEventMessage<?>> caughtUpStream() throws InterruptedException {
    BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
    assertThat(stream.hasNextAvailable()).isFalse();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (engine.readerReads.get() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(engine.readerReads.get()).as("the reader's first read").isEqualTo(1);
    return stream;
  }

  private static List<Object> payloads(BlockingStream<TrackedEventMessage<?>> stream, int n)
      throws InterruptedException {
    List<Object> payloads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).as("event %d", i).isTrue();
      payloads.add(stream.nextAvailable().getPayload());
    }
    return payloads;
  }

  private static List<Object> expected(int from, int to) {
    List<Object> payloads = new ArrayList<>();
    for (int i = from; i < to; i++) {
      payloads.add("event " + i);
    }
    return payloads;
  }

  /**
   * Axon's in-memory engine, counting the reads of the store's reader (the ones that may block; a
   * stream reading by itself does not), each read taken whole when it is made.
   */
  private static final class ReadCountingEngine extends InMemoryEventStorageEngine {
    final AtomicInteger readerReads = new AtomicInteger();

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(
        TrackingToken trackingToken, boolean mayBlock) {
      List<? extends TrackedEventMessage<?>> events =
          super.readEvents(trackingToken, mayBlock).toList();
      if (mayBlock) {
        readerReads.incrementAndGet();
      }
      return events.stream();
    }
  }

  /** Runs the wake-ups when the test says so. */
  private static final class HandTimer implements CoalescedFetchEventStore.Timer {
    final List<Runnable> tasks = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    volatile boolean shutDown;

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
      tasks.add(task);
      delays.add(delay);
    }

    @Override
    public void shutDown() {
      shutDown = true;
    }

    synchronized void runAll() {
      List<Runnable> due = new ArrayList<>(tasks);
      tasks.clear();
      delays.clear();
      due.forEach(Runnable::run);
    }
  }
}
