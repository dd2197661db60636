package org.kpledger.api.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} health component, part of the readiness group: DOWN while the
 * projections' processor replays (a rebuild asked through {@code POST
 * /api/projections/{name}/replay}, which drops every query table first), while it rebuilds the
 * tables on a first run over a store that already holds events ({@link FirstRunReset}), or while it
 * does not run; a node in that state would answer reads from half-built tables. A lag behind live
 * commands keeps it UP: a busy node is still ready. A store that cannot be read makes it DOWN too.
 * Details (operators only): the processor's position, the store's head, the lag.
 */
@Component
class ProjectionsHealthIndicator extends AbstractHealthIndicator {
  private final Projections projections;
  private final FirstRunReset firstRun;

  ProjectionsHealthIndicator(Projections projections, FirstRunReset firstRun) {
    super("the projections' state could not be read");
    this.projections = projections;
    this.firstRun = firstRun;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    List<ProjectionStatus> all = projections.status();
    health.up();
    Map<String, Object> processors = new LinkedHashMap<>();
    for (ProjectionStatus s : all) {
      boolean rebuilding =
          s.replaying()
              || (firstRun.processor().equals(s.processor()) && firstRun.rebuilding(s.position()));
      if (!s.running() || rebuilding) {
        health.down();
      }
      processors.putIfAbsent(
          String.valueOf(s.processor()),
          Map.of(
              "running", s.running(),
              "rebuilding", rebuilding,
              "position", s.position(),
              "head", s.head(),
              "lag", s.lag()));
    }
    health.withDetails(processors);
  }
}
