package org.kpledger.merkle.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.jdbc.JdbcWork;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.NodeId;
import org.kpledger.merkle.NodeStore;

/**
 * A {@link NodeStore} in two tables:
 *
 * <pre>
 * merkle_tree (tree_id SMALLINT PRIMARY KEY, tree_size BIGINT NOT NULL)   -- one row, tree_id = 1
 * merkle_node (tree_level SMALLINT, node_index BIGINT, node_hash BYTEA NOT NULL,
 *              PRIMARY KEY (tree_level, node_index))
 * </pre>
 *
 * <p>Only the levels that are multiples of {@value #STRIDE} have rows (0, 4, 8, ...): a node at
 * another level is the hash of its at most {@code 2^(STRIDE-1)} = 8 descendants at the stored level
 * below it, folded pairwise with {@link MerkleHash#nodeHash}, which is exactly how it was made.
 * That keeps about 1.07 rows per leaf instead of 2 (issue #20: the nodes were about a tenth of the
 * bytes an event costs on PostgreSQL), at the price of reading up to 8 rows and hashing up to 7
 * times for a node of level 3 mod 4; a proof stays one query. A database written before keeps rows
 * at every level; they are not read (the {@code V3} migration deletes them).
 *
 * <p>A node row exists only once its subtree is complete, and it is written in the same transaction
 * that raises {@code tree_size}, so "the row exists" is exactly "complete at the committed size".
 * {@link #putAll} raises the size with {@code UPDATE ... WHERE tree_size = ?}: the row lock
 * serialises writers and a writer that lost the race updates nothing and fails. At a million leaves
 * the table holds about 1.07 million rows, and an inclusion proof reads the 84-odd rows its 25-odd
 * nodes are made from with one indexed query.
 *
 * <p>A store made with a {@link LeafHashTable} keeps no rows at level 0 either: a node of level 0
 * is a leaf hash, and the node reads it from the table the caller already writes them to, in the
 * same transaction that raises the size ({@code merkle_leaf}, issue #20: level 0 was about 94 % of
 * the rows, each a copy of a leaf hash). Then only levels 4, 8, ... have rows, about 0.07 per leaf,
 * and a proof is still one query (a {@code UNION ALL} of the two tables).
 */
public final class JdbcNodeStore implements NodeStore {

  /** Levels that are multiples of this are stored; the others are recomputed from them. */
  public static final int STRIDE = 4;

  /** Statements that create the tables when absent; each is idempotent. */
  static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS merkle_tree ("
        + " tree_id SMALLINT NOT NULL PRIMARY KEY, tree_size BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS merkle_node (tree_level SMALLINT NOT NULL,"
        + " node_index BIGINT NOT NULL, node_hash BYTEA NOT NULL,"
        + " PRIMARY KEY (tree_level, node_index))",
    "INSERT INTO merkle_tree (tree_id, tree_size)"
        + " SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM merkle_tree WHERE tree_id = 1)"
  };

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  private final ConnectionProvider connections;
  private final LeafHashTable leafHashes;

  /**
   * Where the hashes of level 0 (the leaf hashes) are read from when the store does not keep them:
   * a table the caller writes each leaf's hash to, by leaf index, in the transaction that appends
   * it (the transaction of {@link #putAll}).
   *
   * @param table the table's name
   * @param indexColumn its column holding the leaf index (the node index at level 0)
   * @param hashColumn its column holding the leaf hash
   */
  public record LeafHashTable(String table, String indexColumn, String hashColumn) {
    /** Checks that the three names are plain lower-case SQL identifiers. */
    public LeafHashTable {
      for (String name : List.of(table, indexColumn, hashColumn)) {
        if (!IDENTIFIER.matcher(name).matches()) {
          throw new IllegalArgumentException(name + " is not a plain lower-case SQL identifier");
        }
      }
    }
  }

  /**
   * Uses tables that already exist and keeps level 0 in {@code merkle_node}; see {@link
   * #createTablesIfAbsent()}.
   *
   * @param connections gives the caller's transactional connection when there is one
   */
  public JdbcNodeStore(ConnectionProvider connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.leafHashes = null;
  }

  /**
   * Uses tables that already exist and reads level 0 from {@code leafHashes} instead of keeping it:
   * {@link #putAll} then writes no row of level 0, and the caller must write every leaf's hash
   * there in the same transaction.
   *
   * @param connections gives the caller's transactional connection when there is one
   * @param leafHashes the table the leaf hashes are read from
   */
  public JdbcNodeStore(ConnectionProvider connections, LeafHashTable leafHashes) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.leafHashes = Objects.requireNonNull(leafHashes, "leafHashes");
  }

  /**
   * Creates {@code merkle_tree} (with its single row at size 0) and {@code merkle_node} unless they
   * exist. Safe to call at every start.
   *
   * @return this store
   */
  public JdbcNodeStore createTablesIfAbsent() {
    JdbcWork.executeDdl(connections, DDL);
    return this;
  }

  /** {@inheritDoc} */
  @Override
  public long size() {
    return JdbcWork.read(connections, JdbcNodeStore::readSize);
  }

  /** {@inheritDoc} */
  @Override
  public byte[] get(NodeId id) {
    return getAll(List.of(id)).get(0);
  }

  /** {@inheritDoc} One query whatever the number of ids. */
  @Override
  public List<byte[]> getAll(List<NodeId> ids) {
    if (ids.isEmpty()) {
      return new ArrayList<>();
    }
    Set<NodeId> stored = new LinkedHashSet<>();
    for (NodeId id : ids) {
      stored.addAll(storedBelow(id));
    }
    Map<NodeId, byte[]> found = JdbcWork.read(connections, c -> select(c, List.copyOf(stored)));
    List<byte[]> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      hashes.add(fold(id, found));
    }
    return hashes;
  }

  /**
   * Returns whether a node of this level has a row.
   *
   * @param level a tree level
   * @return true for the levels that are multiples of {@link #STRIDE}
   */
  static boolean isStored(int level) {
    return level % STRIDE == 0;
  }

  /** The stored nodes whose hashes make {@code id}'s, left to right (just {@code id} if stored). */
  static List<NodeId> storedBelow(NodeId id) {
    int base = id.level() - id.level() % STRIDE;
    int width = 1 << (id.level() - base);
    long first = id.index() << (id.level() - base);
    List<NodeId> below = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      below.add(new NodeId(base, first + i));
    }
    return below;
  }

  private byte[] fold(NodeId id, Map<NodeId, byte[]> found) {
    List<byte[]> row = new ArrayList<>();
    for (NodeId part : storedBelow(id)) {
      byte[] hash = found.get(part);
      if (hash == null) {
        throw new NoSuchElementException(id + " is not complete at size " + size());
      }
      row.add(hash);
    }
    while (row.size() > 1) {
      List<byte[]> up = new ArrayList<>(row.size() / 2);
      for (int i = 0; i < row.size(); i += 2) {
        up.add(MerkleHash.nodeHash(row.get(i), row.get(i + 1)));
      }
      row = up;
    }
    return row.get(0).clone();
  }

  /** {@inheritDoc} One transaction: the caller's if it has one, else its own. */
  @Override
  public void putAll(long expectedSize, long newSize, Map<NodeId, byte[]> nodes) {
    NodeStore.requireExactGrowth(expectedSize, newSize, nodes);
    JdbcWork.atomically(
        connections,
        c -> {
          compareAndSetSize(c, expectedSize, newSize);
          insert(c, nodes);
          return null;
        });
  }

  private static long readSize(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT tree_size FROM merkle_tree WHERE tree_id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("merkle_tree has no row: call createTablesIfAbsent()");
      }
      return rs.getLong(1);
    }
  }

  /** Whether {@code merkle_node} holds the rows of this level in this store. */
  private boolean keepsRows(int level) {
    return isStored(level) && (level != 0 || leafHashes == null);
  }

  private Map<NodeId, byte[]> select(Connection c, List<NodeId> ids) throws SQLException {
    List<NodeId> nodes = new ArrayList<>(ids.size());
    List<NodeId> leaves = new ArrayList<>();
    for (NodeId id : ids) {
      (keepsRows(id.level()) ? nodes : leaves).add(id);
    }
    List<String> parts = new ArrayList<>(2);
    if (!nodes.isEmpty()) {
      parts.add(
          "SELECT tree_level, node_index, node_hash FROM merkle_node"
              + " WHERE (tree_level, node_index) IN ("
              + String.join(", ", Collections.nCopies(nodes.size(), "(?, ?)"))
              + ")");
    }
    if (!leaves.isEmpty()) {
      parts.add(
          "SELECT CAST(0 AS SMALLINT), "
              + leafHashes.indexColumn()
              + ", "
              + leafHashes.hashColumn()
              + " FROM "
              + leafHashes.table()
              + " WHERE "
              + leafHashes.indexColumn()
              + " IN ("
              + String.join(", ", Collections.nCopies(leaves.size(), "?"))
              + ")");
    }
    Map<NodeId, byte[]> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(String.join(" UNION ALL ", parts))) {
      int p = 1;
      for (NodeId id : nodes) {
        ps.setInt(p++, id.level());
        ps.setLong(p++, id.index());
      }
      for (NodeId id : leaves) {
        ps.setLong(p++, id.index());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
        }
      }
    }
    return found;
  }

  private static void compareAndSetSize(Connection c, long expectedSize, long newSize)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE merkle_tree SET tree_size = ? WHERE tree_id = 1 AND tree_size = ?")) {
      ps.setLong(1, newSize);
      ps.setLong(2, expectedSize);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException(
            "store has size " + readSize(c) + ", caller expected " + expectedSize);
      }
    }
  }

  private void insert(Connection c, Map<NodeId, byte[]> nodes) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO merkle_node (tree_level, node_index, node_hash) VALUES (?, ?, ?)")) {
      for (Map.Entry<NodeId, byte[]> node : nodes.entrySet()) {
        if (!keepsRows(node.getKey().level())) {
          continue;
        }
        ps.setInt(1, node.getKey().level());
        ps.setLong(2, node.getKey().index());
        ps.setBytes(3, node.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Describes the store for logs.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "JdbcNodeStore[merkle_tree, merkle_node every "
        + STRIDE
        + " levels"
        + (leafHashes == null ? "" : ", level 0 from " + leafHashes.table())
        + ", "
        + MerkleHash.SIZE
        + "-byte hashes]";
  }
}
