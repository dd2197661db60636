package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kpledger.api.processing.StoredPayloadType;
import org.kpledger.api.storage.EventIdentifierIndex;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.eventstore.PackedJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads events straight from the event store ({@code domain_event_entry}, the truth, not a
 * projection) joined with their leaves ({@code merkle_leaf}).
 */
@Component
class LedgerEvents {
  private static final String COLUMNS =
      "SELECT e.event_identifier, e.aggregate_identifier, e.payload_type, e.payload,"
          + " e.meta_data, e.time_stamp, l.leaf_index FROM ";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final ObjectMapper json = new ObjectMapper();
  private volatile EventIdentifierIndex index;

  LedgerEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  private EventIdentifierIndex index() {
    EventIdentifierIndex known = index;
    if (known == null) {
      known = EventIdentifierIndex.of(jdbc);
      index = known;
    }
    return known;
  }

  /** Up to {@code limit} events that are leaves from {@code fromLeaf} on, in leaf order. */
  List<LedgerEvent> leaves(long fromLeaf, int limit) {
    return jdbc.query(
        COLUMNS
            + "merkle_leaf l JOIN domain_event_entry e"
            + " ON "
            + index().joinsLeaf("e", "l")
            + " WHERE l.leaf_index >= ? ORDER BY l.leaf_index LIMIT ?",
        (rs, n) -> event(rs),
        fromLeaf,
        limit);
  }

  /**
   * Every event of these aggregates, in leaf order (events not yet leaves last, in store order).
   */
  List<LedgerEvent> ofAggregates(Collection<String> aggregateIds) {
    if (aggregateIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        COLUMNS
            + "domain_event_entry e LEFT JOIN merkle_leaf l"
            + " ON l.event_id = CAST(e.event_identifier AS UUID)"
            + " WHERE e.aggregate_identifier IN (:ids)"
            + " ORDER BY CASE WHEN l.leaf_index IS NULL THEN 1 ELSE 0 END, l.leaf_index,"
            + " e.global_index",
        Map.of("ids", aggregateIds),
        (rs, n) -> event(rs));
  }

  private LedgerEvent event(ResultSet rs) throws SQLException {
    String type = StoredPayloadType.name(rs.getString(3));
    JsonNode meta = tree(rs.getBytes(5));
    JsonNode recorded = meta.path(LedgerMetaData.RECORDED_AT);
    Instant at =
        recorded.isTextual() ? Instant.parse(recorded.asText()) : Instant.parse(rs.getString(6));
    long leaf = rs.getLong(7);
    return new LedgerEvent(
        rs.getString(1),
        rs.getString(2),
        type.substring(type.lastIndexOf('.') + 1),
        tree(rs.getBytes(4)),
        at,
        rs.wasNull() ? null : leaf);
  }

  private JsonNode tree(byte[] stored) {
    if (stored == null) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(PackedJson.unpack(stored));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
