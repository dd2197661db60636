package org.kpledger.api.lineage;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.api.shipment.ShipmentRow;
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
 * 2,000 of them, 100 to 160 ms at p95 on the 2-core development VM); and judges every shipment
 * still awaiting the Monitoring Team's decision again after an event that could change a verdict
 * ({@link LineageEpoch}), so the review meets a kept lineage then too. Not during a replay, and not
 * at all with {@code kp.trace-warm-proposed-shipments=false}.
 */
@Component
@ProcessingGroup("lineage-epoch")
class ShipmentLineageWarmer implements DisposableBean {
  private static final Logger LOG = LoggerFactory.getLogger(ShipmentLineageWarmer.class);
  private final TraceBackQuery traces;
  private final ShipmentQueries shipments;
  private final boolean enabled;
  private final AtomicBoolean pendingQueued = new AtomicBoolean();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "lineage-warmer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
          });

  ShipmentLineageWarmer(
      TraceBackQuery traces,
      ShipmentQueries shipments,
      LineageEpoch epoch,
      @Value("${kp.trace-warm-proposed-shipments:true}") boolean enabled) {
    this.traces = traces;
    this.shipments = shipments;
    this.enabled = enabled;
    if (enabled) {
      epoch.afterLiveMove(this::judgePendingAgain);
    }
  }

  /**
   * Queues one judging of every shipment awaiting a decision (one at a time, however many moves).
   */
  private void judgePendingAgain() {
    if (pendingQueued.compareAndSet(false, true)) {
      worker.execute(
          () -> {
            pendingQueued.set(false);
            try {
              for (ShipmentRow s :
                  shipments.list(
                      new ShipmentQueries.Filter(null, "PROPOSED", null, null, null, null))) {
                judge(s.shipmentId(), s.parcelIds());
              }
            } catch (RuntimeException ex) {
              LOG.debug("could not list the shipments awaiting a decision", ex);
            }
          });
    }
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
