package org.kpledger.api.dossier;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds refused attempts (the write path's {@code refused_attempt} record) whose signed envelope
 * names any of the given ids as a JSON string value.
 */
@Component
class RefusedAttemptSearch {
  private final JdbcTemplate jdbc;

  RefusedAttemptSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<ShipmentDossier.RefusedAttempt> touching(Collection<String> ids) {
    Map<Long, ShipmentDossier.RefusedAttempt> found = new TreeMap<>();
    for (String id : ids) {
      String pattern =
          "%\"" + id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%";
      jdbc.query(
          "SELECT id, command_id, command_type, actor_id, organisation_id, actor_role, "
              + "reason_code, message, refused_at FROM refused_attempt WHERE envelope LIKE ? "
              + "ESCAPE '\\'",
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
          },
          pattern);
    }
    return List.copyOf(found.values());
  }
}
