package org.kpledger.api.command;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which created ids the event store already holds: an aggregate's first event (sequence 0) under
 * that id, whatever its kind and whoever created it. One indexed query per command, group or batch.
 */
@Component
class TakenIds {
  private static final int CHUNK = 500;
  private final JdbcTemplate jdbc;

  TakenIds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The first of {@code ids} (in their order) that the store already holds. */
  Optional<CreatedIds.Created> firstTaken(List<CreatedIds.Created> ids) {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Set<String> taken = taken(ids.stream().map(CreatedIds.Created::id).toList());
    return ids.stream().filter(c -> taken.contains(c.id())).findFirst();
  }

  /** Those of {@code ids} that the store already holds. */
  Set<String> taken(Collection<String> ids) {
    Set<String> taken = new HashSet<>();
    List<String> all = ids.stream().distinct().toList();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      taken.addAll(
          jdbc.queryForList(
              "SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0"
                  + " AND aggregate_identifier IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")",
              String.class,
              chunk.toArray()));
    }
    return taken;
  }
}
