package org.kpledger.custody;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What one aggregate may ask about others while it decides. The production implementation reads the
 * other aggregates from the event store inside the same unit of work, so the answer is the
 * committed truth, never a lagging projection.
 */
public interface CustodyFacts {

  /** The zone (sub-prefecture) with the given id, if registered. */
  Optional<ZoneFacts> zone(String zoneId);

  /** The licence with the given number, if issued. */
  Optional<LicenceFacts> licence(String licenceNumber);

  /** The registered miner, if any. */
  Optional<MinerFacts> miner(String minerId);

  /** The registered site, if any. */
  Optional<SiteFacts> site(String siteId);

  /** The custody item (lot or parcel) with the given id, if it exists. */
  Optional<ParcelFacts> parcel(String parcelId);

  /** What a zone's dated compliance history says. */
  interface ZoneFacts {
    /** The zone's id. */
    String zoneId();

    /** Whether a Monitoring Team decision in force on {@code date} held the zone compliant. */
    boolean compliantOn(LocalDate date);
  }

  /** What a licence says on a given day. */
  interface LicenceFacts {
    /** The licence number. */
    String licenceNumber();

    /** PATENTE, AGREMENT or EXPORT_LICENCE. */
    String kind();

    /** The miner, collector or buying office the licence was issued to. */
    String holderId();

    /**
     * Whether the licence was in force on {@code date}: inside its validity, not suspended or
     * revoked.
     */
    boolean validOn(LocalDate date);
  }

  /** A registered artisanal miner. */
  record MinerFacts(String minerId, String patenteNumber, String siteId, String zoneId) {}

  /** A registered mining site. */
  record SiteFacts(String siteId, String zoneId) {}

  /**
   * The current state of a custody item, as the export gate re-checks it.
   *
   * @param active neither merged or split away nor exported
   * @param shipmentId the shipment it was assigned to, kept after it left with it
   * @param exported left the country with {@code shipmentId}
   */
  record ParcelFacts(
      String parcelId,
      String holder,
      boolean active,
      boolean sealed,
      boolean confiscated,
      boolean quarantined,
      String shipmentId,
      boolean exported) {}
}
