package org.kpledger.api.dossier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds refused attempts (the write path's {@code refused_attempt} record) whose signed payload
 * names any of the given ids as a JSON string value, through the subject index the write path fills
 * ({@code refused_attempt_subject}): one indexed query per thousand ids, whatever the lineage's
 * size.
 */
@Component
class RefusedAttemptSearch {
  /** Ids per query: a bound on the statement's parameters that every database accepts. */
  private static final int CHUNK = 1_000;

  private final NamedParameterJdbcTemplate named;

  RefusedAttemptSearch(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** The attempts naming any of {@code ids}, each once, oldest first. */
  List<ShipmentDossier.RefusedAttempt> touching(Collection<String> ids) {
    Map<Long, ShipmentDossier.RefusedAttempt> found = new TreeMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      named.query(
          "SELECT a.id, a.command_id, a.command_type, a.actor_id, a.organisation_id, "
              + "a.actor_role, a.reason_code, a.message, a.refused_at FROM refused_attempt a "
              + "WHERE a.id IN (SELECT s.attempt_id FROM refused_attempt_subject s "
              + "WHERE s.subject_id IN (:ids))",
          Map.of("ids", chunk),
          rs -> {
            long key = rs.getLong("id");
            found.putIfAbsent(
                key,
                new ShipmentDossier.RefusedAttempt(
                    key,
                    rs.getString("command_id"),
                    rs.getString("command_type"),
                    rs.getString("actor_id"),
                    rs.getString("organisation_id"),
                    rs.getString("actor_role"),
                    rs.getString("reason_code"),
                    rs.getString("message"),
                    Columns.instant(rs.getObject("refused_at"))));
          });
    }
    return List.copyOf(found.values());
  }
}
