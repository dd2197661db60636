package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.api.CarFixture.obj;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.api.storage.EventIdentifierIndex;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Event identifiers stay unique on both databases, kept by the index V6 builds on PostgreSQL (the
 * identifier as a UUID) and by Axon's constraint on the text on H2, and the queries written for the
 * database's index find events by identifier and join them to their leaves.
 */
class EventIdentifierIndexTest extends LedgerTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void givenAnEventWhenLookedUpByItsIdentifierThenTheIndexOfTheDatabaseFindsItAndItsLeaf() {
    boolean postgres =
        "PostgreSQL"
            .equals(
                jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    EventIdentifierIndex index = EventIdentifierIndex.of(jdbc);
    assertThat(index.asUuid()).as("PostgreSQL indexes identifiers as UUIDs").isEqualTo(postgres);

    String eventId =
        ok(
                "kp-registrar",
                "RegisterZone",
                obj("zoneId", "UUID-IX", "name", "Index", "prefecture", "Haute-Kotto"))
            .path("eventIds")
            .get(0)
            .asText();

    EventIdentifierIndex.Condition among =
        index.among("event_identifier", List.of(eventId, "not-a-uuid"));
    assertThat(
            jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE " + among.sql(),
                String.class,
                among.args()))
        .containsExactly("UUID-IX");
    EventIdentifierIndex.Condition none = index.among("event_identifier", List.of("not-a-uuid"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE " + none.sql(),
                Long.class,
                none.args()))
        .isZero();

    String joined =
        "SELECT COUNT(*) FROM merkle_leaf l JOIN domain_event_entry e ON "
            + index.joinsLeaf("e", "l")
            + " WHERE e.aggregate_identifier = 'UUID-IX'";
    Instant deadline = Instant.now().plus(PATIENCE);
    while (jdbc.queryForObject(joined, Long.class) == 0) {
      assertThat(Instant.now()).as("waiting for the event's leaf").isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    assertThat(jdbc.queryForObject(joined, Long.class)).isEqualTo(1);
  }

  @Test
  void givenAStoredEventWhenAnotherRowTakesItsIdentifierThenTheDatabaseRefusesIt() {
    String eventId =
        ok(
                "kp-registrar",
                "RegisterZone",
                obj("zoneId", "UUID-DUP", "name", "Dup", "prefecture", "Haute-Kotto"))
            .path("eventIds")
            .get(0)
            .asText();
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT time_stamp, payload_type, payload, meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = 'UUID-DUP'");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO domain_event_entry (global_index, event_identifier, time_stamp,"
                        + " payload_type, payload, meta_data, aggregate_identifier,"
                        + " sequence_number, type) VALUES"
                        + " ((SELECT MAX(global_index) + 1000 FROM domain_event_entry),"
                        + " ?, ?, ?, ?, ?, 'UUID-DUP-COPY', 0, 'Zone')",
                    eventId,
                    row.get("time_stamp"),
                    row.get("payload_type"),
                    row.get("payload"),
                    row.get("meta_data")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier ="
                    + " 'UUID-DUP-COPY'",
                Long.class))
        .isZero();
  }
}
