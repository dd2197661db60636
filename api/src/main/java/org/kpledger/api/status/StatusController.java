package org.kpledger.api.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kpledger.api.command.RefusedAttempts;
import org.kpledger.api.storage.StorageDurability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/status}: liveness and the size of the history, nothing sensitive. */
@RestController
class StatusController {
  private final JdbcTemplate jdbc;
  private final RefusedAttempts refused;
  private final StorageDurability storage;

  StatusController(JdbcTemplate jdbc, RefusedAttempts refused, StorageDurability storage) {
    this.jdbc = jdbc;
    this.refused = refused;
    this.storage = storage;
  }

  @GetMapping("/api/status")
  Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "UP");
    s.put("events", jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
    s.put("refusedAttempts", refused.count());
    s.put(
        "storage",
        Map.of("engine", storage.engine(), "acknowledgedCommits", storage.acknowledged()));
    return s;
  }
}
