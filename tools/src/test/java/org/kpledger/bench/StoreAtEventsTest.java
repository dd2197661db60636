package org.kpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class StoreAtEventsTest {
  private SingleConnectionDataSource dataSource;
  private JdbcTemplate jdbc;
  private final AtomicInteger described = new AtomicInteger();

  /** The watcher thread's queries: "bound" (the global index's span) and "count" (COUNT(*)). */
  private final Map<String, Integer> watcherQueries = new ConcurrentHashMap<>();

  private final StoreCounters store =
      new StoreCounters() {
        @Override
        long[] read() {
          return new long[3];
        }

        @Override
        String describe() {
          return "description " + described.incrementAndGet();
        }
      };

  @BeforeEach
  void eventStore() {
    dataSource =
        new SingleConnectionDataSource(
            "jdbc:h2:mem:store-at-events-" + System.nanoTime(), "sa", "", true);
    jdbc =
        new JdbcTemplate(dataSource) {
          @Override
          public <T> T queryForObject(String sql, Class<T> requiredType) {
            if (Thread.currentThread().getName().equals("bench-store-at-events")) {
              watcherQueries.merge(
                  sql.startsWith("SELECT COUNT") ? "count" : "bound", 1, Integer::sum);
            }
            return super.queryForObject(sql, requiredType);
          }
        };
    jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY)");
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @Test
  void givenAGappedGlobalIndexThatSpansTheMark_whenWatched_thenTheMarkWaitsForTheEventsThemselves()
      throws Exception {
    // 10 events whose global index spans 24 values (rolled-back groups leave gaps)
    insert(1, 5);
    insert(20, 24);
    StoreAtEvents watcher = new StoreAtEvents(jdbc, store, new long[] {12}, () -> "phase A");
    watcher.start();
    try {
      // the bound (24) passed the mark, so the watcher counted, and must not have taken 24 for 12
      await(() -> watcherQueries.getOrDefault("count", 0) >= 2);
      assertThat(watcher.lines())
          .containsExactly(
              "at 12 events: not reached, 10 events stored (a longer run, --seconds, reaches it)");

      insert(30, 31);
      await(() -> !watcher.lines().get(0).contains("not reached"));
      assertThat(watcher.lines())
          .containsExactly("at 12 events (12 stored, during phase A): description 1");
      assertThat(described).as("described once, when the count passed the mark").hasValue(1);
    } finally {
      watcher.close();
    }
  }

  @Test
  void givenABoundBelowTheMark_whenWatched_thenTheEventsAreNotCounted() throws Exception {
    insert(1, 5);
    StoreAtEvents watcher = new StoreAtEvents(jdbc, store, new long[] {50}, () -> "C");
    watcher.start();
    try {
      await(() -> watcherQueries.getOrDefault("bound", 0) >= 3);
      assertThat(watcherQueries).doesNotContainKey("count");
      assertThat(described).hasValue(0);
    } finally {
      watcher.close();
    }
  }

  @Test
  void givenSeveralMarksPassedAtOnce_whenWatched_thenEachGetsTheSameDescription() throws Exception {
    insert(1, 40);
    StoreAtEvents watcher = new StoreAtEvents(jdbc, store, new long[] {30, 10, 50}, () -> "B");
    watcher.start();
    try {
      await(() -> !watcher.lines().get(0).contains("not reached"));
      await(() -> !watcher.lines().get(1).contains("not reached"));
      insert(41, 55);
      await(() -> !watcher.lines().get(2).contains("not reached"));
      assertThat(watcher.lines())
          .containsExactly(
              "at 10 events (40 stored, during B): description 1",
              "at 30 events (40 stored, during B): description 1",
              "at 50 events (55 stored, during B): description 2");
    } finally {
      watcher.close();
    }
  }

  @Test
  void theBoundReadsThePrimaryKeyAloneOnH2() {
    // H2 answers MIN and MAX of an indexed column from the index ("direct lookup"), while its
    // COUNT(*) reads every row whenever transactions are open
    String plan =
        jdbc.queryForObject(
            "EXPLAIN SELECT MAX(global_index) - MIN(global_index) + 1 FROM domain_event_entry",
            String.class);

    assertThat(plan).contains("direct lookup");
  }

  private void insert(long from, long to) {
    for (long i = from; i <= to; i++) {
      jdbc.update("INSERT INTO domain_event_entry (global_index) VALUES (?)", i);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
