package org.kpledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A processor batch's writes are held until its unit of work commits and sent as JDBC batches, and
 * every answer is the one executing each write at once would give.
 */
class ProjectionWriterTest {
  private JdbcTemplate raw;
  private ProjectionWriter writer;
  private final AtomicInteger roundTrips = new AtomicInteger();
  private UnitOfWork<?> batch;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    raw = new JdbcTemplate(h2);
    raw.execute("CREATE TABLE item (id VARCHAR(40) PRIMARY KEY, holder VARCHAR(40))");
    raw.execute("CREATE TABLE origin (item_id VARCHAR(40), lot_id VARCHAR(40))");
    raw.execute(
        "CREATE TABLE tally (zone VARCHAR(40), month_no INT, purchases INT NOT NULL,"
            + " carats DECIMAL(19,2) DEFAULT 0 NOT NULL, PRIMARY KEY (zone, month_no))");
    raw.update("INSERT INTO tally VALUES ('boda', 5, 10, 1.50)");
    writer = new ProjectionWriter(new JdbcTemplate(counting(h2)));
  }

  @AfterEach
  void endBatch() {
    if (batch != null && batch.isActive()) {
      batch.rollback();
    }
  }

  @Test
  void writesOfABatchReachTheDatabaseOnlyWhenItCommitsAndThenAsOneJdbcBatchPerStatement() {
    batch = DefaultUnitOfWork.startAndGet(null);
    for (int i = 0; i < 50; i++) {
      writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-" + i, "collector-1");
      writer.write("INSERT INTO origin (item_id, lot_id) VALUES (?, ?)", "lot-" + i, "lot-" + i);
    }
    assertThat(count("item")).isZero();
    assertThat(roundTrips).hasValue(0);

    batch.commit();

    assertThat(count("item")).isEqualTo(50);
    assertThat(count("origin")).isEqualTo(50);
    assertThat(roundTrips).as("one batch for each of the two statements").hasValue(2);
  }

  @Test
  void aReadInTheBatchSeesEveryWriteQueuedBeforeIt() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.write("UPDATE item SET holder = ? WHERE id = ?", "office-1", "lot-1");

    String holder =
        writer.jdbc().queryForObject("SELECT holder FROM item WHERE id = ?", String.class, "lot-1");

    assertThat(holder).isEqualTo("office-1");
    batch.commit();
  }

  /**
   * A read of one table sends that table's pending writes and sees them, and leaves the other
   * tables' writes queued: they still go out together at the commit.
   */
  @Test
  void aReadOfOneTableSendsOnlyThatTablesWritesAndSeesThem() {
    batch = DefaultUnitOfWork.startAndGet(null);
    for (int i = 0; i < 3; i++) {
      writer.write("INSERT INTO origin (item_id, lot_id) VALUES (?, ?)", "lot-" + i, "lot-" + i);
      writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-" + i, "collector-1");
      writer.write("UPDATE item SET holder = ? WHERE id = ?", "office-1", "lot-" + i);
      writer.addTo("tally", Map.of("zone", "boda", "month_no", 5), Map.of("purchases", 1));

      List<String> holders =
          writer.queryForList("SELECT holder FROM item WHERE id = ?", String.class, "lot-" + i);

      assertThat(holders).as("lot-%d", i).containsExactly("office-1");
    }
    assertThat(roundTrips).as("each read sent item's insert and update, nothing else").hasValue(6);
    assertThat(count("origin")).isZero();
    assertThat(raw.queryForObject("SELECT purchases FROM tally", Integer.class)).isEqualTo(10);

    batch.commit();

    assertThat(count("origin")).isEqualTo(3);
    assertThat(raw.queryForObject("SELECT purchases FROM tally", Integer.class)).isEqualTo(13);
    assertThat(roundTrips).as("then origin's inserts as one batch, tally's one update").hasValue(8);
  }

  @Test
  void aReadOfAnythingButOneTableIsRefused() {
    for (String sql :
        List.of(
            "SELECT i.holder FROM item i JOIN origin o ON o.item_id = i.id",
            "SELECT holder FROM item, origin",
            "SELECT holder FROM item WHERE id IN (SELECT item_id FROM origin)",
            "SELECT holder FROM (SELECT holder FROM item) h",
            "SELECT holder FROM public.item",
            "SELECT holder FROM item WHERE id IN (SELECT id FROM other.item)",
            "SELECT 1",
            "UPDATE item SET holder = 'x'")) {
      assertThatThrownBy(() -> writer.queryForList(sql, String.class))
          .as(sql)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("jdbc()");
    }
    assertThat(roundTrips).hasValue(0);
  }

  @Test
  void writesToOneTableKeepTheirOrder() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.write("INSERT INTO origin (item_id, lot_id) VALUES (?, ?)", "lot-1", "lot-1");
    writer.write("UPDATE item SET holder = ? WHERE id = ?", "office-1", "lot-1");
    writer.write("DELETE FROM item WHERE id = ? AND holder = ?", "lot-1", "collector-1");
    writer.write(
        "UPDATE item SET holder = ? WHERE id = ? AND holder = ?", "x", "lot-1", "office-1");
    batch.commit();

    assertThat(raw.queryForObject("SELECT holder FROM item WHERE id = 'lot-1'", String.class))
        .isEqualTo("x");
  }

  @Test
  void countersOfOneRowAreSummedAndNewRowsCreated() {
    batch = DefaultUnitOfWork.startAndGet(null);
    for (int i = 0; i < 30; i++) {
      String zone = i % 3 == 0 ? "carnot" : "boda";
      writer.addTo(
          "tally",
          Map.of("zone", zone, "month_no", 5),
          Map.of("purchases", 1, "carats", new BigDecimal("0.25")));
    }
    batch.commit();

    assertThat(raw.queryForList("SELECT zone, purchases, carats FROM tally ORDER BY zone"))
        .containsExactly(
            Map.of("ZONE", "boda", "PURCHASES", 30, "CARATS", new BigDecimal("6.50")),
            Map.of("ZONE", "carnot", "PURCHASES", 10, "CARATS", new BigDecimal("2.50")));
    assertThat(roundTrips).as("one UPDATE batch, one INSERT batch").hasValue(2);
  }

  @Test
  void aBatchThatRollsBackWritesNothing() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.addTo("tally", Map.of("zone", "boda", "month_no", 5), Map.of("purchases", 1));
    batch.rollback();

    assertThat(count("item")).isZero();
    assertThat(raw.queryForObject("SELECT purchases FROM tally", Integer.class)).isEqualTo(10);
  }

  @Test
  void aWriteQueuedByALaterStepOfThePrepareCommitIsSentToo() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    // registered after the writes' own sending: it runs once the first write went out
    batch.onPrepareCommit(
        u -> writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-2", "collector-1"));

    batch.commit();

    assertThat(count("item")).as("the late write was not left behind").isEqualTo(2);
  }

  @Test
  void aFailingWriteFailsTheCommit() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-2");

    assertThatThrownBy(batch::commit).hasMessageContaining("lot-1");
  }

  @Test
  void outsideAUnitOfWorkWritesRunAtOnce() {
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.addTo("tally", Map.of("zone", "nola", "month_no", 5), Map.of("purchases", 2));

    assertThat(count("item")).isEqualTo(1);
    assertThat(raw.queryForObject("SELECT purchases FROM tally WHERE zone = 'nola'", Integer.class))
        .isEqualTo(2);
  }

  @Test
  void aWriteThatReadsItsOwnTableIsQueuedAndReadsWhatTheWritesBeforeItLeft() {
    batch = DefaultUnitOfWork.startAndGet(null);
    writer.write("INSERT INTO item (id, holder) VALUES (?, ?)", "lot-1", "collector-1");
    writer.write(
        "INSERT INTO item (id, holder) SELECT ?, holder FROM item WHERE id = ?", "lot-2", "lot-1");
    writer.write(
        "DELETE FROM item WHERE id < (SELECT MAX(id) FROM item WHERE holder = ?)", "collector-1");
    assertThat(roundTrips).hasValue(0);

    batch.commit();

    assertThat(raw.queryForList("SELECT id || ':' || holder FROM item", String.class))
        .containsExactly("lot-2:collector-1");
  }

  @Test
  void aStatementThatReadsAnotherTableIsRefused() {
    assertThatThrownBy(
            () ->
                writer.write(
                    "INSERT INTO origin (item_id, lot_id) SELECT id, id FROM item WHERE id = ?",
                    "lot-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc()");
    assertThatThrownBy(
            () ->
                writer.write(
                    "UPDATE item SET holder = ? WHERE id IN (SELECT item_id FROM origin)", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                writer.write(
                    "INSERT INTO item (id, holder) SELECT i.id, o.lot_id FROM item i"
                        + " JOIN origin o ON o.item_id = i.id"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                writer.write(
                    "INSERT INTO item (id, holder) SELECT i.id, o.lot_id FROM item i, origin o"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> writer.write("DELETE FROM item WHERE id IN (SELECT id FROM item AS i, origin)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.write("INSERT INTO item (id, holder) SELECT 'a', 'b'"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.write("SELECT 1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNullCounterIncrementIsRefusedNamingItsColumn() {
    java.util.Map<String, Object> increments = new java.util.HashMap<>();
    increments.put("carats", null);
    batch = DefaultUnitOfWork.startAndGet(null);
    assertThatThrownBy(
            () -> writer.addTo("tally", Map.of("zone", "boda", "month_no", 5), increments))
        .hasMessageContaining("carats");
  }

  private int count(String table) {
    return raw.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  /** Counts the statements sent to the database: one per executeUpdate or executeBatch. */
  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, a) -> {
              Object result = invoke(target, m, a);
              return result instanceof Connection c ? countingConnection(c) : result;
            });
  }

  private Connection countingConnection(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (p, m, a) -> {
              Object result = invoke(target, m, a);
              return result instanceof PreparedStatement ps ? countingStatement(ps) : result;
            });
  }

  private PreparedStatement countingStatement(PreparedStatement target) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (p, m, a) -> {
              if (List.of("executeUpdate", "executeBatch", "execute").contains(m.getName())) {
                roundTrips.incrementAndGet();
              }
              return invoke(target, m, a);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] a)
      throws Throwable {
    try {
      return m.invoke(target, a);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
