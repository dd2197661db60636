package org.kpledger.merkle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.kpledger.jdbc.TestDatabase;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeId;
import org.kpledger.merkle.NodeStore;
import org.kpledger.merkle.NodeStoreContractTest;

/** {@link JdbcNodeStore} on H2 keeps the {@link NodeStore} contract, and its own promises. */
class JdbcNodeStoreTest extends NodeStoreContractTest {

  private TestDatabase database;

  @Override
  protected NodeStore newStore() {
    database = new TestDatabase();
    return new JdbcNodeStore(database.connections()).createTablesIfAbsent();
  }

  @Test
  void creatingTheTablesAgainKeepsTheData() {
    store().putAll(0, 1, Map.of(new NodeId(0, 0), new byte[MerkleHash.SIZE]));
    NodeStore again = new JdbcNodeStore(database.connections()).createTablesIfAbsent();
    assertThat(again.size()).isEqualTo(1);
  }

  @Test
  void aProofIsOneQueryWhateverTheTreeSize() {
    MerkleLog log = new MerkleLog(store());
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      leaves.add(MerkleHash.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    log.appendAll(leaves);
    int before = database.statementsPrepared();
    assertThat(log.inclusionProof(1234, 5000)).hasSize(13);
    assertThat(database.statementsPrepared() - before).isEqualTo(1);
    log.consistencyProof(777, 4999);
    assertThat(database.statementsPrepared() - before).isEqualTo(2);
  }

  @Test
  void onlyEveryFourthLevelHasRowsAndTheOthersAreRecomputedFromThem() throws Exception {
    MerkleLog log = new MerkleLog(store());
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      leaves.add(MerkleHash.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    log.appendAll(leaves);
    assertThat(database.queryForLong("SELECT COUNT(*) FROM merkle_node"))
        .as("levels 0, 4, 8 and 12 of 5,000 leaves: 1.06 rows a leaf")
        .isEqualTo(5000 + 312 + 19 + 1);
    assertThat(
            database.queryForLong("SELECT COUNT(*) FROM merkle_node WHERE MOD(tree_level, 4) <> 0"))
        .isZero();
    InMemoryNodeStore every = new InMemoryNodeStore();
    new MerkleLog(every).appendAll(leaves);
    List<NodeId> ids = new ArrayList<>();
    for (int level = 0; level <= 12; level++) {
      ids.add(new NodeId(level, 0));
      ids.add(new NodeId(level, (5000L >> level) - 1));
    }
    List<byte[]> fromSparse = store().getAll(ids);
    List<byte[]> fromEvery = every.getAll(ids);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(fromSparse.get(i)).as(ids.get(i).toString()).isEqualTo(fromEvery.get(i));
    }
  }

  @Test
  void aStoreReadingLeavesFromTheLeafTableKeepsNoRowOfLevelZeroAndAnswersTheSame()
      throws Exception {
    JdbcNodeStore.LeafHashTable table =
        new JdbcNodeStore.LeafHashTable("leaf_hashes", "leaf_index", "leaf_hash");
    NodeStore sparse = new JdbcNodeStore(database.connections(), table).createTablesIfAbsent();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      leaves.add(MerkleHash.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    try (Connection c = database.dataSource().getConnection()) {
      c.createStatement()
          .execute(
              "CREATE TABLE leaf_hashes (leaf_index BIGINT PRIMARY KEY, leaf_hash BYTEA NOT NULL)");
      try (java.sql.PreparedStatement ps =
          c.prepareStatement("INSERT INTO leaf_hashes VALUES (?, ?)")) {
        for (int i = 0; i < leaves.size(); i++) {
          ps.setLong(1, i);
          ps.setBytes(2, leaves.get(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    MerkleLog log = new MerkleLog(sparse);
    log.appendAll(leaves.subList(0, 2500));
    log.appendAll(leaves.subList(2500, 5000));
    assertThat(database.queryForLong("SELECT COUNT(*) FROM merkle_node"))
        .as("levels 4, 8 and 12 of 5,000 leaves: 0.07 rows a leaf")
        .isEqualTo(312 + 19 + 1);
    MerkleLog every = new MerkleLog(new InMemoryNodeStore());
    every.appendAll(leaves);
    assertThat(log.root()).isEqualTo(every.root());
    assertThat(log.leafHash(4321)).isEqualTo(leaves.get(4321));
    int before = database.statementsPrepared();
    assertThat(log.inclusionProof(1234, 5000))
        .containsExactlyElementsOf(every.inclusionProof(1234, 5000));
    assertThat(database.statementsPrepared() - before).as("still one query a proof").isEqualTo(1);
    assertThat(log.consistencyProof(777, 4999))
        .containsExactlyElementsOf(every.consistencyProof(777, 4999));
  }

  @Test
  void aLeafTableNamedWithAnythingButAPlainIdentifierIsRefused() {
    assertThatThrownBy(
            () -> new JdbcNodeStore.LeafHashTable("merkle_leaf; DROP", "leaf_index", "leaf_hash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("merkle_leaf; DROP is not a plain lower-case SQL identifier");
  }

  @Test
  void aNodeWhoseStoredDescendantsAreIncompleteIsRefused() {
    MerkleLog log = new MerkleLog(store());
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leaves.add(MerkleHash.leafHash(new byte[] {(byte) i}));
    }
    log.appendAll(leaves);
    assertThat(store().get(new NodeId(2, 0))).hasSize(MerkleHash.SIZE);
    assertThatThrownBy(() -> store().get(new NodeId(2, 1)))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessage("NodeId[level=2, index=1] is not complete at size 7");
  }

  @Test
  void growsInsideTheCallersTransactionAndRollsBackWithIt() throws Exception {
    try (Connection outer = database.dataSource().getConnection()) {
      outer.setAutoCommit(false);
      NodeStore inOuter = new JdbcNodeStore(() -> unclosable(outer));
      inOuter.putAll(0, 1, Map.of(new NodeId(0, 0), new byte[MerkleHash.SIZE]));
      assertThat(inOuter.size()).isEqualTo(1);
      assertThat(store().size()).as("uncommitted growth is invisible to others").isZero();
      outer.rollback();
    }
    assertThat(store().size()).isZero();
  }

  @Test
  void ofTwoWritersGrowingFromTheSameSizeOnlyOneSucceeds() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      writers.add(CompletableFuture.runAsync(() -> growHoldingTheTransaction(bothInside)));
    }
    int failed = 0;
    for (CompletableFuture<Void> writer : writers) {
      try {
        writer.join();
      } catch (Exception e) {
        assertThat(e.getCause())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("store has size 1, caller expected 0");
        failed++;
      }
    }
    assertThat(failed).isEqualTo(1);
    assertThat(store().size()).isEqualTo(1);
  }

  @Test
  void refusesToReadBeforeTheTablesExist() {
    NodeStore bare = new JdbcNodeStore(new TestDatabase().connections());
    assertThatThrownBy(bare::size).isInstanceOf(RuntimeException.class);
  }

  private void growHoldingTheTransaction(CountDownLatch bothInside) {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      NodeStore mine = new JdbcNodeStore(() -> unclosable(c));
      long size = mine.size();
      bothInside.countDown();
      bothInside.await();
      try {
        mine.putAll(size, size + 1, Map.of(new NodeId(0, size), new byte[MerkleHash.SIZE]));
        c.commit();
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection unclosable(Connection c) {
    return (Connection)
        java.lang.reflect.Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
