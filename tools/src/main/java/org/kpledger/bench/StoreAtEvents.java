package org.kpledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's state at the moments the event store passes given numbers of events, so that a
 * figure such as "the H2 file under 3 times its live data after 150,000 events" (issue #20) does
 * not depend on how many events a machine stores in the benchmark's fixed time. A daemon thread
 * looks at the event store four times a second and, the first time the count of events reaches a
 * mark, takes {@link StoreCounters#describe()} once and prints it.
 *
 * <p>Each look reads the span of the global index (its least and greatest value: two lookups in the
 * primary key), an upper bound of the count since each event takes one index value and a
 * rolled-back one leaves a gap; the events are counted only once that bound has reached the mark.
 * Counting them at every look cost the node what it measures: on H2, whose {@code COUNT(*)} reads
 * every row while transactions are open, the watcher took 8 % of the node's CPU in a profile of one
 * command per request (7 Dec 2026).
 */
final class StoreAtEvents implements AutoCloseable {
  private static final long POLL_MILLIS = 250;
  private final JdbcTemplate jdbc;
  private final StoreCounters store;
  private final long[] marks;
  private final Supplier<String> phase;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread watcher;
  private volatile boolean closed;

  /**
   * @param jdbc the node's database
   * @param store its counters
   * @param marks the numbers of events at which to describe the store (each at least 1)
   * @param phase what the benchmark is doing, named in the line
   */
  StoreAtEvents(JdbcTemplate jdbc, StoreCounters store, long[] marks, Supplier<String> phase) {
    if (marks.length == 0 || Arrays.stream(marks).anyMatch(m -> m < 1)) {
      throw new IllegalArgumentException(
          "each mark must be at least 1 event, not " + Arrays.toString(marks));
    }
    this.jdbc = jdbc;
    this.store = store;
    this.marks = Arrays.stream(marks).sorted().distinct().toArray();
    this.phase = phase;
    this.watcher = new Thread(this::watch, "bench-store-at-events");
    watcher.setDaemon(true);
  }

  /** Starts counting. */
  StoreAtEvents start() {
    watcher.start();
    return this;
  }

  private void watch() {
    int next = 0;
    while (!closed && next < marks.length) {
      try {
        long events = atMostEvents() < marks[next] ? 0 : events();
        if (events >= marks[next]) {
          String description = store.describe();
          // a poll may pass several marks at once: each gets the same description
          while (next < marks.length && events >= marks[next]) {
            String l =
                String.format(
                    "at %,d events (%,d stored, during %s): %s",
                    marks[next], events, phase.get(), description);
            lines.add(l);
            System.out.println(l);
            next++;
          }
        } else {
          Thread.sleep(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the node is closing, or a query failed under load: the next poll tries again
        if (closed) {
          return;
        }
      }
    }
  }

  /** An upper bound of {@link #events()}, read from the primary key alone. */
  private long atMostEvents() {
    Long n =
        jdbc.queryForObject(
            "SELECT MAX(global_index) - MIN(global_index) + 1 FROM domain_event_entry", Long.class);
    return n == null ? 0 : n;
  }

  private long events() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    return n == null ? 0 : n;
  }

  /** A line for each mark: taken when the store passed it, or saying it never did. */
  List<String> lines() {
    List<String> all = new ArrayList<>(lines);
    long stored = all.size() < marks.length ? events() : 0;
    for (int i = all.size(); i < marks.length; i++) {
      all.add(
          String.format(
              "at %,d events: not reached, %,d events stored (a longer run, --seconds, reaches it)",
              marks[i], stored));
    }
    return all;
  }

  /** Stops counting and waits for a description in progress. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    watcher.join(10_000);
  }
}
