package org.kpledger.anchoring.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.jdbc.JdbcWork;

/** The {@code tree_head} table: one row per head a local sink kept. */
final class TreeHeadTable {

  static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS tree_head (sink_name VARCHAR(64) NOT NULL,"
        + " tree_size BIGINT NOT NULL, origin VARCHAR(255) NOT NULL, root_hash BYTEA NOT NULL,"
        + " head_time TIMESTAMP WITH TIME ZONE NOT NULL, checkpoint TEXT NOT NULL,"
        + " file_offset BIGINT NOT NULL, file_length INT NOT NULL,"
        + " anchored_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (sink_name, tree_size))"
  };
  private static final String COLUMNS =
      "SELECT tree_size, origin, root_hash, head_time,"
          + " checkpoint, file_offset, file_length, anchored_at FROM tree_head WHERE sink_name = ?";

  /** A row: the head, its receipt and where its entry ends in the file. */
  record Row(AnchoredHead anchored, long fileEnd) {}

  private final String sink;
  private final String fileName;
  private final ConnectionProvider connections;

  TreeHeadTable(String sink, String fileName, ConnectionProvider connections) {
    this.sink = sink;
    this.fileName = fileName;
    this.connections = connections;
    JdbcWork.executeDdl(connections, DDL);
  }

  /**
   * Inserts a head's row, after checking under a row lock that the file entry it records starts
   * where the last recorded entry ends: two nodes that both believe they publish cannot both record
   * an entry at one offset, so the copies of the file every node keeps stay byte for byte alike.
   */
  void insert(SignedTreeHead signed, long offset, int length, AnchorReceipt receipt) {
    TreeHead head = signed.head();
    JdbcWork.atomically(
        connections,
        c -> {
          long end = lockedEnd(c);
          if (end != offset) {
            throw new IllegalStateException(
                "another writer recorded checkpoints up to byte "
                    + end
                    + " while this one wrote at byte "
                    + offset);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tree_head (sink_name, tree_size, origin, root_hash, head_time,"
                      + " checkpoint, file_offset, file_length, anchored_at) VALUES (?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?)")) {
            ps.setString(1, sink);
            ps.setLong(2, head.size());
            ps.setString(3, head.origin());
            ps.setBytes(4, head.rootHash());
            ps.setObject(5, OffsetDateTime.ofInstant(head.timestamp(), ZoneOffset.UTC));
            ps.setString(6, signed.note());
            ps.setLong(7, offset);
            ps.setInt(8, length);
            ps.setObject(9, OffsetDateTime.ofInstant(receipt.anchoredAt(), ZoneOffset.UTC));
            return ps.executeUpdate();
          }
        });
  }

  /** Where the last recorded entry ends, the last row locked until the transaction ends. */
  private long lockedEnd(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file_offset + file_length FROM tree_head WHERE sink_name = ?"
                + " ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE")) {
      ps.setString(1, sink);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  Row last() {
    List<Row> rows = select(" ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", -1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  List<Row> list(long fromSize, int limit) {
    return select(
        " AND tree_size >= ? ORDER BY tree_size FETCH FIRST " + limit + " ROWS ONLY", fromSize);
  }

  /** The rows whose entries start at {@code offset} or later, in file order. */
  List<Row> fromOffset(long offset, int limit) {
    return select(
        " AND file_offset >= ? ORDER BY tree_size FETCH FIRST " + limit + " ROWS ONLY", offset);
  }

  /** The last row whose entry ends at or before {@code end}, or null. */
  Row lastEndingBy(long end) {
    List<Row> rows =
        select(
            " AND file_offset + file_length <= ? ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY",
            end);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private List<Row> select(String rest, long bound) {
    return JdbcWork.read(
        connections,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(COLUMNS + rest)) {
            ps.setString(1, sink);
            if (bound >= 0) {
              ps.setLong(2, bound);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
            return rows;
          }
        });
  }

  private Row row(ResultSet rs) throws SQLException {
    TreeHead head =
        new TreeHead(
            rs.getString(2),
            rs.getLong(1),
            rs.getBytes(3),
            rs.getObject(4, OffsetDateTime.class).toInstant());
    long offset = rs.getLong(6);
    AnchorReceipt receipt =
        new AnchorReceipt(
            sink, fileName + "@" + offset, rs.getObject(8, OffsetDateTime.class).toInstant());
    return new Row(
        new AnchoredHead(new SignedTreeHead(head, rs.getString(5)), receipt),
        offset + rs.getInt(7));
  }
}
