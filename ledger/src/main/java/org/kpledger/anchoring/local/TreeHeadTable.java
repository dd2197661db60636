package org.kpledger.anchoring.local;

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
import org.kpledger.anchoring.SignedTreeHead;
import org.kpledger.anchoring.TreeHead;
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

  void insert(SignedTreeHead signed, long offset, int length, AnchorReceipt receipt) {
    TreeHead head = signed.head();
    JdbcWork.atomically(
        connections,
        c -> {
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

  Row last() {
    List<Row> rows = select(" ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", -1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  List<Row> list(long fromSize, int limit) {
    return select(
        " AND tree_size >= ? ORDER BY tree_size FETCH FIRST " + limit + " ROWS ONLY", fromSize);
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
