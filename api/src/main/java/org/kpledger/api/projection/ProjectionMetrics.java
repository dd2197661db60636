package org.kpledger.api.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code kp.projections.lag} (Prometheus {@code kp_projections_lag_events}): how many event indexes
 * the projections' processor is behind the event store's newest, read when scraped (one {@code
 * MAX(global_index)} query).
 */
@Component
class ProjectionMetrics implements MeterBinder {
  private final Projections projections;
  private final FirstRunReset firstRun;

  ProjectionMetrics(Projections projections, FirstRunReset firstRun) {
    this.projections = projections;
    this.firstRun = firstRun;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kp.projections.lag", this, ProjectionMetrics::lag)
        .description("Events the projections' processor is behind the event store")
        .baseUnit("events")
        .tag("processor", firstRun.processor())
        .register(registry);
  }

  private double lag() {
    return projections.status().stream()
        .filter(s -> firstRun.processor().equals(s.processor()))
        .mapToLong(ProjectionStatus::lag)
        .max()
        .orElse(0);
  }
}
