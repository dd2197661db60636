package org.kpledger.api.lineage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.parcel.ParcelState;

/**
 * {@link CustodyFacts} answered from the projections instead of the event store, so the read side
 * can run the ledger's own {@link org.kpledger.shipment.ExportGate} (the same rules, no second copy
 * of them) without loading or locking aggregates. As fresh as the projections' lag. Deliberately
 * not a Spring bean: command handlers resolve the one {@link CustodyFacts} bean, the event-sourced
 * one.
 */
public final class ProjectedCustodyFacts implements CustodyFacts {
  private final RegistryQueries registry;
  private final LineageGraph graph;
  private final Clock clock;

  ProjectedCustodyFacts(RegistryQueries registry, LineageGraph graph, Clock clock) {
    this.registry = registry;
    this.graph = graph;
    this.clock = clock;
  }

  /**
   * The same facts with the registry as the ledger knew it at {@code instant} ({@link
   * RegistryQueries#asKnownAt}); custody items as they stand.
   */
  @Override
  public ProjectedCustodyFacts asKnownAt(Instant instant) {
    return instant == null
        ? this
        : new ProjectedCustodyFacts(registry.asKnownAt(instant), graph, clock);
  }

  @Override
  public Optional<ZoneFacts> zone(String zoneId) {
    if (zoneId == null || !registry.zoneExists(zoneId)) {
      return Optional.empty();
    }
    return Optional.of(
        new ZoneFacts() {
          @Override
          public ZoneFacts asKnownAt(Instant instant) {
            return ProjectedCustodyFacts.this.asKnownAt(instant).zone(zoneId).orElseThrow();
          }

          @Override
          public String zoneId() {
            return zoneId;
          }

          @Override
          public boolean compliantOn(LocalDate date) {
            return registry.zoneOn(zoneId, date).compliant();
          }
        });
  }

  @Override
  public Optional<LicenceFacts> licence(String number) {
    if (number == null) {
      return Optional.empty();
    }
    var today = registry.licenceOn(number, LedgerCalendar.dateOf(clock.instant()));
    if ("UNKNOWN".equals(today.status())) {
      return Optional.empty();
    }
    return Optional.of(
        new LicenceFacts() {
          @Override
          public LicenceFacts asKnownAt(Instant instant) {
            return ProjectedCustodyFacts.this.asKnownAt(instant).licence(number).orElseThrow();
          }

          @Override
          public String licenceNumber() {
            return number;
          }

          @Override
          public String kind() {
            return today.kind();
          }

          @Override
          public String holderId() {
            return today.holderId();
          }

          @Override
          public boolean validOn(LocalDate date) {
            return registry.licenceOn(number, date).inForce();
          }
        });
  }

  @Override
  public Optional<MinerFacts> miner(String minerId) {
    return registry.miner(minerId);
  }

  @Override
  public Optional<SiteFacts> site(String siteId) {
    return registry.site(siteId);
  }

  @Override
  public Optional<ParcelFacts> parcel(String parcelId) {
    return graph
        .item(parcelId)
        .map(
            i ->
                ParcelState.valueOf(i.state())
                    .facts(
                        i.itemId(),
                        i.holder(),
                        i.sealId() != null,
                        i.quarantined(),
                        i.shipmentId()));
  }
}
