package org.kpledger.api.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.anchoring.publish.AnchoringStatus;
import org.kpledger.anchoring.publish.TreeHeadPublisher;
import org.kpledger.api.fabric.anchor.FabricAnchorSink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The verifiable log's metrics, as {@code GET /api/log/status} shows them: {@code kp.log.tree.size}
 * (Prometheus {@code kp_log_tree_size_leaves}), the committed size of the Merkle log at the last
 * round of the publisher, and {@code kp.log.heads.waiting} per {@code sink} ({@code
 * kp_log_heads_waiting}), the signed heads newer than the sink's last one.
 */
@Component
class LogMetrics implements MeterBinder {
  private final TreeHeadPublisher publisher;
  private final List<String> sinks = new ArrayList<>();

  LogMetrics(
      TreeHeadPublisher publisher, LocalAnchorSink local, ObjectProvider<FabricAnchorSink> fabric) {
    this.publisher = publisher;
    sinks.add(local.name());
    fabric.ifAvailable(f -> sinks.add(((AnchorSink) f).name()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("kp.log.tree.size", publisher, p -> p.status().treeSize())
        .description("Leaves of the Merkle log (committed events) at the publisher's last round")
        .baseUnit("leaves")
        .register(registry);
    for (String sink : sinks) {
      Gauge.builder("kp.log.heads.waiting", publisher, p -> waiting(p.status(), sink))
          .description("Signed tree heads newer than the sink's last anchored head")
          .tag("sink", sink)
          .register(registry);
    }
  }

  private static double waiting(AnchoringStatus status, String sink) {
    return status.sinks().stream()
        .filter(s -> s.sink().equals(sink))
        .mapToInt(AnchoringStatus.SinkStatus::headsWaiting)
        .findFirst()
        .orElse(0);
  }
}
