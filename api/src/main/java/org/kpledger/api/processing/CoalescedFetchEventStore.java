package org.kpledger.api.processing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, whose reader (the one thread that fetches new events for the
 * processors that have caught up) is woken at most once per {@code interval} by this node's commits
 * instead of by every one of them.
 *
 * <p>Axon wakes the reader after each commit, and the reader then runs two queries in a transaction
 * of their own (the new events, then an empty read that says there are no more). Single commands
 * commit in groups of one to four, so under load that was a thousand pairs of queries a second,
 * each returning an event or two: 14 % of the node's CPU on PostgreSQL, single commands from 8
 * threads, the server's work for them besides. Woken once per interval, the reader finds all the
 * events committed meanwhile in one read. Events reach the processors up to {@code interval} later,
 * well inside the processors' own linger ({@code kp.processors.linger}); nothing else changes: the
 * same events, tokens and order, and the reader still looks by itself every {@code fetchDelay}
 * (what finds the events other nodes commit).
 */
final class CoalescedFetchEventStore extends EmbeddedEventStore {
  /** Runs a task after a delay; the node's is a daemon thread, a test's runs it when told. */
  interface Timer {
    /**
     * Runs {@code task} after {@code delay}.
     *
     * @throws RejectedExecutionException once the timer is shut down
     */
    void schedule(Runnable task, Duration delay);

    /** Stops the timer; tasks not yet run are dropped. */
    void shutDown();
  }

  private final Duration interval;
  private final Timer timer;
  private final AtomicBoolean wakeScheduled = new AtomicBoolean();

  /**
   * @param builder Axon's builder of the store, storage engine and the rest set
   * @param interval the least time between two wake-ups of the reader by commits; zero wakes it at
   *     every commit, as Axon does
   * @param timer what runs the wake-ups
   */
  CoalescedFetchEventStore(Builder builder, Duration interval, Timer timer) {
    super(builder);
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
    this.interval = interval;
    this.timer = timer;
  }

  /** A timer of its own: one daemon thread. */
  static Timer daemonTimer() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kp-event-reader-wake");
              t.setDaemon(true);
              return t;
            });
    return new Timer() {
      @Override
      public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      }

      @Override
      public void shutDown() {
        executor.shutdownNow();
      }
    };
  }

  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (interval.isZero()) {
      super.afterCommit(events);
      return;
    }
    // a wake-up already due covers this commit: it runs after the commit, so its read sees it
    if (wakeScheduled.compareAndSet(false, true)) {
      try {
        timer.schedule(this::wakeReader, interval);
      } catch (RejectedExecutionException shutDown) {
        wakeScheduled.set(false);
        super.afterCommit(events);
      }
    }
  }

  private void wakeReader() {
    // cleared first: a commit from now on schedules the next wake-up rather than count on this one
    wakeScheduled.set(false);
    super.afterCommit(List.of());
  }

  @Override
  public void shutDown() {
    timer.shutDown();
    super.shutDown();
  }
}
