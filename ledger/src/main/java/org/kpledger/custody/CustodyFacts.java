package org.kpledger.custody;

import java.time.Instant;
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

  /**
   * These facts as the ledger knew them at {@code instant}: zones and licences keep only the
   * decisions and status changes recorded at or before it (knowledge in two times: a decision
   * recorded later with an effective date in the past does not change what was known then). Custody
   * items, miners and sites are answered as they stand: no rule dates them in the past. A null
   * instant means now: these facts unchanged.
   */
  default CustodyFacts asKnownAt(Instant instant) {
    if (instant == null) {
      return this;
    }
    CustodyFacts now = this;
    return new CustodyFacts() {
      @Override
      public Optional<ZoneFacts> zone(String zoneId) {
        return now.zone(zoneId).map(z -> z.asKnownAt(instant));
      }

      @Override
      public Optional<LicenceFacts> licence(String licenceNumber) {
        return now.licence(licenceNumber).map(l -> l.asKnownAt(instant));
      }

      @Override
      public Optional<MinerFacts> miner(String minerId) {
        return now.miner(minerId);
      }

      @Override
      public Optional<SiteFacts> site(String siteId) {
        return now.site(siteId);
      }

      @Override
      public Optional<ParcelFacts> parcel(String parcelId) {
        return now.parcel(parcelId);
      }
    };
  }

  /** What a zone's dated compliance history says. */
  interface ZoneFacts {
    /** The zone's id. */
    String zoneId();

    /** Whether a Monitoring Team decision in force on {@code date} held the zone compliant. */
    boolean compliantOn(LocalDate date);

    /** The same zone with only the decisions the ledger had recorded by {@code instant}. */
    ZoneFacts asKnownAt(Instant instant);
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

    /** The same licence with only the status changes the ledger had recorded by {@code instant}. */
    LicenceFacts asKnownAt(Instant instant);
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
