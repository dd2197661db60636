package org.kpledger.api.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs {@link H2Compaction} on the node's database when it is an embedded H2 file ({@code
 * kp.h2.compaction.*}); stops it before the database closes.
 */
@Component
class H2CompactionSchedule implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(H2CompactionSchedule.class);
  private final Optional<H2Compaction> compaction;

  H2CompactionSchedule(
      DataSource dataSource,
      @Value("${kp.h2.compaction.enabled:true}") boolean enabled,
      @Value("${kp.h2.compaction.interval:PT1S}") Duration interval,
      @Value("${kp.h2.compaction.target-fill-rate:80}") int targetFillRate,
      @Value("${kp.h2.compaction.pass-bytes:1048576}") int passBytes,
      @Value("${kp.h2.compaction.budget:PT0.5S}") Duration budget)
      throws SQLException {
    this.compaction =
        enabled
            ? H2Compaction.of(dataSource, targetFillRate, passBytes, budget)
                .map(c -> c.every(interval))
            : Optional.empty();
    compaction.ifPresent(
        c ->
            LOG.info(
                "H2 file compaction every {} while under {} % live (now {} %)",
                interval, targetFillRate, c.chunksFillRate()));
  }

  @Override
  public void destroy() {
    compaction.ifPresent(H2Compaction::close);
  }
}
