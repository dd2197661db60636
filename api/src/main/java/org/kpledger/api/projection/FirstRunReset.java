package org.kpledger.api.projection;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Empties every projection's tables when the projections processor has no token yet, before the
 * processors start: it is about to read the store from the first event, so rows left by an earlier
 * processor (a data directory from a version with one processor per projection) would be counted
 * twice. On a new database it empties tables that are already empty. Until the processor has read
 * the events stored when the node started, the node is not ready ({@link
 * ProjectionsHealthIndicator}): every answer would come from half-built tables.
 */
@Component
class FirstRunReset implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(FirstRunReset.class);
  private final List<JdbcProjection> projections;
  private final JdbcTemplate jdbc;
  private final String processor;
  private volatile long rebuildingUntil = -1;

  FirstRunReset(
      List<JdbcProjection> projections,
      JdbcTemplate jdbc,
      @Value("${kp.projections.processor:" + ProjectionProcessing.DEFAULT_PROCESSOR + "}")
          String processor) {
    this.projections = projections;
    this.jdbc = jdbc;
    this.processor = processor;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Integer tokens =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, processor);
    if (tokens != null && tokens > 0) {
      return;
    }
    Integer events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Integer.class);
    if (events != null && events > 0) {
      Long head =
          jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
      rebuildingUntil = head == null ? -1 : head;
      LOG.info(
          "processor {} has no token: rebuilding every projection from {} stored events",
          processor,
          events);
    }
    projections.forEach(JdbcProjection::dropAndCreate);
  }

  /**
   * Whether a first-run rebuild is still under way with the processor at {@code position}: it has
   * not yet read the newest event stored when the node started. Once it has, never again.
   */
  boolean rebuilding(long position) {
    if (rebuildingUntil >= 0 && position >= rebuildingUntil) {
      rebuildingUntil = -1;
    }
    return rebuildingUntil >= 0;
  }

  /** The processor that runs every projection. */
  String processor() {
    return processor;
  }
}
