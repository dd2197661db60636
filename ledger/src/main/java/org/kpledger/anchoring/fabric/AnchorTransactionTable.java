package org.kpledger.anchoring.fabric;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.jdbc.JdbcWork;

/**
 * The {@code anchor_transaction} table: one row per head a Fabric sink anchored, with the
 * transaction and its block. Written once per head; a second write of the same head is ignored, so
 * a sink that saw its commit twice (a retry after a lost answer) keeps the first row.
 */
public final class AnchorTransactionTable {

  private static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS anchor_transaction (sink_name VARCHAR(64) NOT NULL,"
        + " tree_size BIGINT NOT NULL, origin VARCHAR(255) NOT NULL, root_hash BYTEA NOT NULL,"
        + " tx_id VARCHAR(128) NOT NULL, block_number BIGINT NOT NULL,"
        + " committed_at TIMESTAMP WITH TIME ZONE NOT NULL, block BYTEA NOT NULL,"
        + " PRIMARY KEY (sink_name, tree_size))"
  };
  private static final String COLUMNS =
      "SELECT sink_name, origin, tree_size, root_hash, tx_id, block_number, committed_at, block"
          + " FROM anchor_transaction WHERE sink_name = ?";

  private final ConnectionProvider connections;

  /**
   * Opens the table, creating it if absent.
   *
   * @param connections the ledger database's connections
   */
  public AnchorTransactionTable(ConnectionProvider connections) {
    this.connections = connections;
    JdbcWork.executeDdl(connections, DDL);
  }

  /**
   * Keeps a head's anchoring, unless that sink already kept this size.
   *
   * @param tx the anchoring
   * @return whether a row was written
   */
  public boolean insert(AnchorTransaction tx) {
    if (at(tx.sink(), tx.treeSize()).isPresent()) {
      return false;
    }
    return JdbcWork.atomically(
            connections,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO anchor_transaction (sink_name, tree_size, origin, root_hash,"
                          + " tx_id, block_number, committed_at, block) VALUES (?, ?, ?, ?, ?, ?,"
                          + " ?, ?)")) {
                ps.setString(1, tx.sink());
                ps.setLong(2, tx.treeSize());
                ps.setString(3, tx.origin());
                ps.setBytes(4, tx.rootHash());
                ps.setString(5, tx.txId());
                ps.setLong(6, tx.blockNumber());
                ps.setObject(7, OffsetDateTime.ofInstant(tx.committedAt(), ZoneOffset.UTC));
                ps.setBytes(8, tx.block());
                return ps.executeUpdate();
              }
            })
        == 1;
  }

  /**
   * Returns the largest head a sink anchored.
   *
   * @param sink the sink's name
   * @return its last anchoring, or empty
   */
  public Optional<AnchorTransaction> last(String sink) {
    return select(sink, " ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", -1).stream()
        .findFirst();
  }

  /**
   * Returns a sink's anchoring of the head of one size.
   *
   * @param sink the sink's name
   * @param treeSize the head's size
   * @return the anchoring, or empty if that size was not anchored there
   */
  public Optional<AnchorTransaction> at(String sink, long treeSize) {
    return select(sink, " AND tree_size = ?", treeSize).stream().findFirst();
  }

  /**
   * Lists a sink's anchorings from a size on, smallest first.
   *
   * @param sink the sink's name
   * @param fromSize the smallest size wanted
   * @param limit at most this many
   * @return the anchorings
   */
  public List<AnchorTransaction> list(String sink, long fromSize, int limit) {
    return select(
        sink,
        " AND tree_size >= ? ORDER BY tree_size FETCH FIRST " + limit + " ROWS ONLY",
        fromSize);
  }

  private List<AnchorTransaction> select(String sink, String rest, long bound) {
    return JdbcWork.read(
        connections,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(COLUMNS + rest)) {
            ps.setString(1, sink);
            if (bound >= 0) {
              ps.setLong(2, bound);
            }
            List<AnchorTransaction> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
            return rows;
          }
        });
  }

  private static AnchorTransaction row(ResultSet rs) throws SQLException {
    return new AnchorTransaction(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getBytes(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getObject(7, OffsetDateTime.class).toInstant(),
        rs.getBytes(8));
  }
}
