package org.kpledger.api.storage;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which index keeps the event store's identifiers unique, so that a query by event identifier is
 * written in the form that index serves: on PostgreSQL since migration V6, an index of {@code
 * CAST(event_identifier AS UUID)} (16 bytes a key); on H2, and on a PostgreSQL store that held an
 * identifier that is not a UUID when V6 ran, Axon's unique constraint on the text. The two forms of
 * a condition select the same rows; written in the other form, a join scans the whole event table.
 * Read once, when first asked (after the migrations ran).
 */
public final class EventIdentifierIndex {
  /** The name V6 gives the index of event identifiers as UUIDs. */
  public static final String UUID_INDEX = "domain_event_entry_event_uuid";

  private final boolean uuid;

  private EventIdentifierIndex(boolean uuid) {
    this.uuid = uuid;
  }

  /**
   * Reads which index the database under {@code jdbc} has.
   *
   * @param jdbc the node's database
   * @return its index
   */
  public static EventIdentifierIndex of(JdbcTemplate jdbc) {
    boolean postgres =
        "PostgreSQL"
            .equals(
                jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    return new EventIdentifierIndex(
        postgres
            && !jdbc.queryForList(
                    "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema()"
                        + " AND tablename = 'domain_event_entry' AND indexname = ?",
                    Integer.class,
                    UUID_INDEX)
                .isEmpty());
  }

  /** Whether identifiers are indexed as UUIDs. */
  public boolean asUuid() {
    return uuid;
  }

  /**
   * The condition that joins an event row to its {@code merkle_leaf} row.
   *
   * @param event the event table's alias
   * @param leaf merkle_leaf's alias
   */
  public String joinsLeaf(String event, String leaf) {
    return uuid
        ? "CAST(" + event + ".event_identifier AS UUID) = " + leaf + ".event_id"
        : event + ".event_identifier = CAST(" + leaf + ".event_id AS VARCHAR(36))";
  }

  /**
   * A condition selecting the events with these identifiers, and its arguments.
   *
   * @param column the event identifier column, with its table's alias if any
   * @param eventIds event identifiers, at least one
   */
  public Condition among(String column, Collection<String> eventIds) {
    String marks = String.join(",", Collections.nCopies(eventIds.size(), "?"));
    List<UUID> uuids =
        eventIds.stream().map(JdbcLeafIndex::eventUuid).flatMap(Optional::stream).toList();
    if (!uuid) {
      return new Condition(column + " IN (" + marks + ")", eventIds.toArray());
    }
    // an identifier that is not a UUID in canonical text names no event here (V6's index refuses
    // one), but it must not fail the cast: only the UUIDs are asked for
    if (uuids.isEmpty()) {
      return new Condition("1 = 0", new Object[0]);
    }
    return new Condition(
        "CAST("
            + column
            + " AS UUID) IN ("
            + String.join(",", Collections.nCopies(uuids.size(), "?"))
            + ")",
        uuids.toArray());
  }

  /** An SQL condition with its arguments. */
  public record Condition(String sql, Object[] args) {}
}
