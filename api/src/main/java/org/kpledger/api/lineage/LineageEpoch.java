package org.kpledger.api.lineage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.certificate.CertificateEndorsedEvent;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.kpledger.certificate.CertificateUsedForExportEvent;
import org.kpledger.certificate.CertificateVoidedEvent;
import org.kpledger.certificate.ImportConfirmedEvent;
import org.kpledger.licence.LicenceIssuedEvent;
import org.kpledger.licence.LicenceStatusChangedEvent;
import org.kpledger.miner.MinerRegisteredEvent;
import org.kpledger.parcel.ConfiscationDisposedEvent;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.parcel.ParcelAssignedToShipmentEvent;
import org.kpledger.parcel.ParcelConfiscatedEvent;
import org.kpledger.parcel.ParcelConsumedEvent;
import org.kpledger.parcel.ParcelExportedEvent;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.ParcelReleasedFromShipmentEvent;
import org.kpledger.parcel.ParcelSealedEvent;
import org.kpledger.parcel.ParcelSplitOffEvent;
import org.kpledger.parcel.ParcelValuedEvent;
import org.kpledger.parcel.SealOpenedEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.parcel.TransferCancelledEvent;
import org.kpledger.parcel.TransferOfferedEvent;
import org.kpledger.shipment.ShipmentApprovedEvent;
import org.kpledger.shipment.ShipmentCertifiedEvent;
import org.kpledger.shipment.ShipmentExportedEvent;
import org.kpledger.shipment.ShipmentProposedEvent;
import org.kpledger.shipment.ShipmentRejectedEvent;
import org.kpledger.site.ProductionDrawnEvent;
import org.kpledger.site.ProductionRecordedEvent;
import org.kpledger.site.SiteRegisteredEvent;
import org.kpledger.zone.ZoneDecisionRecordedEvent;
import org.kpledger.zone.ZoneRegisteredEvent;
import org.springframework.stereotype.Component;

/**
 * A number that changes whenever the projections commit an event that could change the judged
 * lineage of an item that already exists: its origins and their rows, the merge and split edges
 * behind it, the confiscations, quarantines and clearances, and the zones and licences its origins
 * are judged against. {@link TracedLineageCache} keeps a judged lineage only while this number
 * stands still.
 *
 * <p>It is safe by default: every event type moves it except the ones listed in {@link
 * #CANNOT_CHANGE_A_JUDGED_LINEAGE}, each of which only adds new items and origins or changes what a
 * trace reads afresh on every request (holders, custody periods, seals, values, shipments and
 * certificates). A consumption adds the edges of a merge or split, but only into the item the same
 * command creates after it ({@code Parcel}: sources give up first, then the merged parcel or the
 * parts are created), so an item's lineage is whole when it appears and no lineage already judged
 * gains an edge. During a replay every batch moves it, and so does the reset that starts one. It
 * moves after the projections' transaction commits, so a lineage judged from the committed rows is
 * never filed under an older number.
 */
@Component
@ProcessingGroup("lineage-epoch")
class LineageEpoch {
  static final Set<Class<?>> CANNOT_CHANGE_A_JUDGED_LINEAGE =
      Set.of(
          LotPurchasedEvent.class,
          ParcelMergedEvent.class,
          ParcelSplitOffEvent.class,
          ParcelConsumedEvent.class,
          TransferOfferedEvent.class,
          TransferAcceptedEvent.class,
          TransferCancelledEvent.class,
          ParcelSealedEvent.class,
          SealOpenedEvent.class,
          ParcelValuedEvent.class,
          ParcelAssignedToShipmentEvent.class,
          ParcelReleasedFromShipmentEvent.class,
          ParcelExportedEvent.class,
          ShipmentProposedEvent.class,
          ShipmentApprovedEvent.class,
          ShipmentRejectedEvent.class,
          ShipmentCertifiedEvent.class,
          ShipmentExportedEvent.class,
          CertificateIssuedEvent.class,
          CertificateEndorsedEvent.class,
          CertificateUsedForExportEvent.class,
          CertificateVoidedEvent.class,
          ImportConfirmedEvent.class,
          ProductionRecordedEvent.class,
          ProductionDrawnEvent.class);

  /**
   * Events that can change a judged lineage's verdicts but none of the rows a walk reads (origins,
   * edges, which item carries which origin): the registry's zones, decisions, licences, sites and
   * miners, and confiscations (an item's state, which every judging reads afresh). Every other
   * event that moves {@link #current()} also moves {@link #walkCurrent()}.
   */
  static final Set<Class<?>> CANNOT_CHANGE_A_WALKED_LINEAGE =
      Set.of(
          ZoneRegisteredEvent.class,
          ZoneDecisionRecordedEvent.class,
          LicenceIssuedEvent.class,
          LicenceStatusChangedEvent.class,
          SiteRegisteredEvent.class,
          MinerRegisteredEvent.class,
          ParcelConfiscatedEvent.class,
          ConfiscationDisposedEvent.class);

  private static final String MOVES = LineageEpoch.class.getName() + ".moves";

  /** What one batch moves when its transaction has committed. */
  private static final class Move {
    boolean walked;
  }

  private final AtomicLong epoch = new AtomicLong();
  private final AtomicLong walkEpoch = new AtomicLong();
  private final List<Runnable> liveMoveListeners = new CopyOnWriteArrayList<>();

  /**
   * Runs {@code listener} after every move that live events cause (not a replay's), on the
   * projections' thread right after their transaction committed: keep it short.
   */
  public void afterLiveMove(Runnable listener) {
    liveMoveListeners.add(listener);
  }

  /** The current number. */
  public long current() {
    return epoch.get();
  }

  /**
   * A number that changes whenever the projections commit an event that could change the rows a
   * walk of an existing item's lineage reads (its origins and their rows, the edges behind it): it
   * moves with {@link #current()} except for {@link #CANNOT_CHANGE_A_WALKED_LINEAGE}, so the walked
   * rows outlive a zone decision or a licence change that only calls for judging them again.
   */
  public long walkCurrent() {
    return walkEpoch.get();
  }

  @EventHandler
  void on(EventMessage<?> event, ReplayStatus replay, UnitOfWork<?> batch) {
    Class<?> type = event.getPayloadType();
    if (replay.isReplay() || !CANNOT_CHANGE_A_JUDGED_LINEAGE.contains(type)) {
      // once per batch, when its transaction has committed
      boolean live = !replay.isReplay();
      Move move =
          batch
              .root()
              .getOrComputeResource(
                  MOVES,
                  k -> {
                    Move m = new Move();
                    batch
                        .root()
                        .afterCommit(
                            u -> {
                              if (m.walked) {
                                walkEpoch.incrementAndGet();
                              }
                              epoch.incrementAndGet();
                              if (live) {
                                liveMoveListeners.forEach(Runnable::run);
                              }
                            });
                    return m;
                  });
      if (replay.isReplay() || !CANNOT_CHANGE_A_WALKED_LINEAGE.contains(type)) {
        move.walked = true;
      }
    }
  }

  @ResetHandler
  void reset() {
    walkEpoch.incrementAndGet();
    epoch.incrementAndGet();
  }
}
