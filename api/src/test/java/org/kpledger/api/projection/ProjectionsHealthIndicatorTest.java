package org.kpledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The readiness rule of the projections: not ready while their processor replays, rebuilds on a
 * first run, or does not run; ready however far behind live commands it is.
 */
class ProjectionsHealthIndicatorTest {
  private final Projections projections = mock(Projections.class);
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final FirstRunReset firstRun = new FirstRunReset(List.of(), jdbc, "projections");
  private final ProjectionsHealthIndicator health =
      new ProjectionsHealthIndicator(projections, firstRun);

  @Test
  void notReadyWhileTheProcessorReplays() {
    when(projections.status()).thenReturn(List.of(status(true, true, 10, 500)));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void notReadyWhileTheProcessorDoesNotRun() {
    when(projections.status()).thenReturn(List.of(status(false, false, -1, 500)));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void readyWhenBehindLiveCommands() {
    when(projections.status()).thenReturn(List.of(status(true, false, 10, 5000)));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsKey("projections");
  }

  @Test
  void notReadyUntilAFirstRunRebuildReachesTheEventsStoredAtStart() {
    when(jdbc.queryForObject(
            "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?",
            Integer.class,
            "projections"))
        .thenReturn(0);
    when(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Integer.class))
        .thenReturn(700);
    when(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class))
        .thenReturn(800L);
    firstRun.afterSingletonsInstantiated();
    when(projections.status()).thenReturn(List.of(status(true, false, 799, 900)));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    when(projections.status()).thenReturn(List.of(status(true, false, 800, 900)));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    when(projections.status()).thenReturn(List.of(status(true, false, 10, 900)));
    assertThat(health.health().getStatus()).as("once caught up, never again").isEqualTo(Status.UP);
  }

  private static ProjectionStatus status(
      boolean running, boolean replaying, long position, long head) {
    return new ProjectionStatus(
        "registry",
        "projections",
        running,
        replaying,
        position,
        head,
        Math.max(0, head - position),
        List.of());
  }
}
