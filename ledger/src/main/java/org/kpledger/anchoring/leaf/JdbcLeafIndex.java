package org.kpledger.anchoring.leaf;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.jdbc.JdbcWork;
import org.kpledger.merkle.jdbc.JdbcNodeStore;

/**
 * The table that says which event is which leaf:
 *
 * <pre>
 * merkle_leaf (leaf_index BIGINT PRIMARY KEY, event_id UUID NOT NULL UNIQUE,
 *              leaf_hash BYTEA NOT NULL, anchored_at TIMESTAMP WITH TIME ZONE NOT NULL)
 * </pre>
 *
 * <p>There is no global-index column: the tracking token of an event that commits out of order (one
 * that fills a gap) carries the highest index seen, not the event's own, so such a column would be
 * wrong for exactly the events an auditor looks at. {@code event_id} joins the row to the event
 * store's. It is kept as a UUID, 16 bytes instead of 37 in the row and about half the unique index
 * (issue #20, migration V4): Axon makes every event identifier a random UUID, and an identifier
 * that is not one in its canonical text (lower-case, hyphenated) cannot become a leaf here.
 *
 * <p>The primary key keeps leaf positions unique and the unique {@code event_id} keeps any event
 * from becoming a leaf twice, whatever the code above does. Rows are only ever inserted, and only
 * in the caller's transaction, the one that also grows the node store and stores the anchoring
 * processor's token.
 */
public final class JdbcLeafIndex {

  /**
   * The leaf hashes as a {@link JdbcNodeStore} reads its level 0 from them ({@code leaf_hash} by
   * {@code leaf_index}): a node store made with it keeps no row of its own for a leaf.
   */
  public static final JdbcNodeStore.LeafHashTable LEAF_HASHES =
      new JdbcNodeStore.LeafHashTable("merkle_leaf", "leaf_index", "leaf_hash");

  private static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS merkle_leaf (leaf_index BIGINT NOT NULL PRIMARY KEY,"
        + " event_id UUID NOT NULL, leaf_hash BYTEA NOT NULL,"
        + " anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,"
        + " CONSTRAINT merkle_leaf_event_id_key UNIQUE (event_id))"
  };
  private static final String COLUMNS =
      "SELECT leaf_index, event_id, leaf_hash, anchored_at FROM merkle_leaf";
  private static final int IN_LIST_CHUNK = 500;

  private final ConnectionProvider connections;

  /**
   * Uses a table that already exists; see {@link #createTableIfAbsent()}.
   *
   * @param connections the same provider the node store and the token store use
   */
  public JdbcLeafIndex(ConnectionProvider connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * Creates {@code merkle_leaf} unless it exists. Safe to call at every start.
   *
   * @return this index
   */
  public JdbcLeafIndex createTableIfAbsent() {
    JdbcWork.executeDdl(connections, DDL);
    return this;
  }

  /**
   * Returns the number of leaves recorded, which is the next leaf index.
   *
   * @return one more than the highest leaf index, 0 if there is none
   */
  public long size() {
    return JdbcWork.read(
        connections,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT MAX(leaf_index) FROM merkle_leaf");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? 0 : max + 1;
          }
        });
  }

  /**
   * Reads an event identifier as the UUID {@code merkle_leaf} keeps it as.
   *
   * @param eventId an event identifier
   * @return its UUID, or empty if it is not a UUID in canonical text (such an event is no leaf)
   */
  public static Optional<UUID> eventUuid(String eventId) {
    try {
      UUID uuid = UUID.fromString(eventId);
      return uuid.toString().equals(eventId) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns which of the given events are already leaves.
   *
   * @param eventIds event identifiers
   * @return the subset that has a row
   */
  public Set<String> existing(Collection<String> eventIds) {
    List<UUID> ids =
        eventIds.stream().map(JdbcLeafIndex::eventUuid).flatMap(Optional::stream).toList();
    Set<String> found = new HashSet<>();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
      String sql =
          "SELECT event_id FROM merkle_leaf WHERE event_id IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?"))
              + ")";
      JdbcWork.read(
          connections,
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int i = 0; i < chunk.size(); i++) {
                ps.setObject(i + 1, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  found.add(rs.getObject(1, UUID.class).toString());
                }
              }
            }
            return null;
          });
    }
    return found;
  }

  /**
   * Inserts leaf records in one batch, in the caller's transaction.
   *
   * @param records the new leaves
   * @throws IllegalStateException if there is no caller's transaction
   * @throws IllegalArgumentException if an event id is not a UUID in canonical text
   * @throws org.axonframework.common.jdbc.JdbcException if an index or event id is already taken
   */
  public void insertAll(List<LeafRecord> records) {
    List<UUID> ids = new ArrayList<>(records.size());
    for (LeafRecord r : records) {
      ids.add(
          eventUuid(r.eventId())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "event id "
                              + r.eventId()
                              + " is not a UUID in canonical text: merkle_leaf keeps event ids"
                              + " as UUIDs")));
    }
    JdbcWork.inCallersTransaction(
        connections,
        "the Merkle nodes and the anchoring processor's token",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO merkle_leaf (leaf_index,"
                      + " event_id, leaf_hash, anchored_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < records.size(); i++) {
              LeafRecord r = records.get(i);
              ps.setLong(1, r.leafIndex());
              ps.setObject(2, ids.get(i));
              ps.setBytes(3, r.leafHash());
              ps.setObject(4, OffsetDateTime.ofInstant(r.anchoredAt(), ZoneOffset.UTC));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * Finds the leaf of an event, for its inclusion proof.
   *
   * @param eventId the event identifier
   * @return its leaf, if it has become one
   */
  public Optional<LeafRecord> findByEventId(String eventId) {
    Optional<UUID> id = eventUuid(eventId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return select(COLUMNS + " WHERE event_id = ?", ps -> ps.setObject(1, id.get())).stream()
        .findFirst();
  }

  /**
   * Lists leaves in log order, for audit bundles ({@code list(i, 1)} is the leaf at {@code i}).
   *
   * @param fromIndex the first leaf index wanted
   * @param limit the most rows to return
   * @return up to {@code limit} records from {@code fromIndex} on
   */
  public List<LeafRecord> list(long fromIndex, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    String sql = COLUMNS + " WHERE leaf_index >= ? ORDER BY leaf_index FETCH FIRST ? ROWS ONLY";
    return select(
        sql,
        ps -> {
          ps.setLong(1, fromIndex);
          ps.setInt(2, limit);
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<LeafRecord> select(String sql, Binder binder) {
    return JdbcWork.read(
        connections,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return readAll(ps);
          }
        });
  }

  private static List<LeafRecord> readAll(PreparedStatement ps) throws SQLException {
    List<LeafRecord> records = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        records.add(
            new LeafRecord(
                rs.getLong(1),
                rs.getObject(2, UUID.class).toString(),
                rs.getBytes(3),
                rs.getObject(4, OffsetDateTime.class).toInstant()));
      }
    }
    return records;
  }
}
