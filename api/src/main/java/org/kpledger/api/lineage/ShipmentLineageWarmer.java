package org.kpledger.api.lineage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.shipment.ShipmentProposedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Judges a proposed shipment's lineage in the background once the projections hold it, so that the
 * Monitoring Team's first trace and dossier of the shipment find it kept ({@link
 * TracedLineageCache}) instead of paying for reading and judging every origin (at CAR scale about
 * 2,000 of them, 120 ms at p95 on the 2-core development VM). Not during a replay, and not at all
 * with {@code kp.trace-warm-proposed-shipments=false}.
 */
@Component
@ProcessingGroup("lineage-epoch")
class ShipmentLineageWarmer implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ShipmentLineageWarmer.class);
  private final TraceBackQuery traces;
  private final boolean enabled;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "lineage-warmer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
          });

  ShipmentLineageWarmer(
      TraceBackQuery traces, @Value("${kp.trace-warm-proposed-shipments:true}") boolean enabled) {
    this.traces = traces;
    this.enabled = enabled;
  }

  @EventHandler
  void on(ShipmentProposedEvent e, ReplayStatus replay, UnitOfWork<?> batch) {
    if (!enabled || replay.isReplay()) {
      return;
    }
    List<String> parcels = List.copyOf(e.parcelIds());
    batch.root().afterCommit(u -> worker.execute(() -> judge(e.shipmentId(), parcels)));
  }

  private void judge(String shipmentId, List<String> parcels) {
    try {
      traces.walk(parcels);
    } catch (RuntimeException ex) {
      // only a head start: the trace itself will judge it and report any error
      LOG.debug("could not judge the lineage of shipment {} ahead", shipmentId, ex);
    }
  }

  @Override
  public void destroy() {
    // never interrupt a walk: an interrupted read closes H2's file channel, and with it the
    // database
    worker.shutdown();
    try {
      worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
