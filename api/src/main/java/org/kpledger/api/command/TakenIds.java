package org.kpledger.api.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which created ids the event store already holds: an aggregate's first event (sequence 0) under
 * that id, whatever its kind and whoever created it. One indexed query per command or batch.
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
    Set<String> taken = new HashSet<>();
    List<String> all = ids.stream().map(CreatedIds.Created::id).distinct().toList();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      List<Object> args = new ArrayList<>(chunk);
      taken.addAll(
          jdbc.queryForList(
              "SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0"
                  + " AND aggregate_identifier IN ("
                  + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")",
              String.class,
              args.toArray()));
    }
    return ids.stream().filter(c -> taken.contains(c.id())).findFirst();
  }
}
