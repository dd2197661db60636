package org.kpledger.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link CustodyFacts} for aggregate tests: the other aggregates' state, written down by the test
 * instead of read from an event store. Zone and licence histories are dated, as the real aggregates
 * keep them, so a test can ask about any day.
 */
public final class InMemoryCustodyFacts implements CustodyFacts {
  private final Map<String, DatedZone> zones = new HashMap<>();
  private final Map<String, DatedLicence> licences = new HashMap<>();
  private final Map<String, MinerFacts> miners = new HashMap<>();
  private final Map<String, SiteFacts> sites = new HashMap<>();
  private final Map<String, ParcelFacts> parcels = new HashMap<>();

  /** Registers a zone with no decision yet: it is compliant on no day. */
  public InMemoryCustodyFacts withZone(String zoneId) {
    zones.putIfAbsent(zoneId, new DatedZone(zoneId));
    return this;
  }

  /** Records a Monitoring Team decision on a zone, registering the zone if needed. */
  public InMemoryCustodyFacts withZoneDecision(String zoneId, LocalDate from, boolean compliant) {
    withZone(zoneId);
    zones.get(zoneId).decisions.put(from, compliant);
    return this;
  }

  /** Records a decision the ledger recorded at {@code recordedAt} (for knowledge in two times). */
  public InMemoryCustodyFacts withZoneDecision(
      String zoneId, LocalDate from, boolean compliant, Instant recordedAt) {
    withZoneDecision(zoneId, from, compliant);
    zones.get(zoneId).recordedAt.put(from, recordedAt);
    return this;
  }

  /** Issues a licence valid from {@code from} to {@code until}, both days included. */
  public InMemoryCustodyFacts withLicence(
      String number, String kind, String holderId, LocalDate from, LocalDate until) {
    licences.put(number, new DatedLicence(number, kind, holderId, from, until));
    return this;
  }

  /** Suspends ({@code active=false}) or reinstates a licence from a day on. */
  public InMemoryCustodyFacts withLicenceStatus(String number, LocalDate from, boolean active) {
    licences.get(number).active.put(from, active);
    return this;
  }

  /** Registers a miner at a site, in that site's zone. */
  public InMemoryCustodyFacts withMiner(String minerId, String patente, String siteId) {
    miners.put(minerId, new MinerFacts(minerId, patente, siteId, sites.get(siteId).zoneId()));
    return this;
  }

  /** Registers a site in a zone. */
  public InMemoryCustodyFacts withSite(String siteId, String zoneId) {
    sites.put(siteId, new SiteFacts(siteId, zoneId));
    return this;
  }

  /** Sets the current state of a custody item, as the export gate reads it. */
  public InMemoryCustodyFacts withParcel(ParcelFacts parcel) {
    parcels.put(parcel.parcelId(), parcel);
    return this;
  }

  @Override
  public Optional<ZoneFacts> zone(String zoneId) {
    return Optional.ofNullable(zones.get(zoneId));
  }

  @Override
  public Optional<LicenceFacts> licence(String licenceNumber) {
    return Optional.ofNullable(licences.get(licenceNumber));
  }

  @Override
  public Optional<MinerFacts> miner(String minerId) {
    return Optional.ofNullable(miners.get(minerId));
  }

  @Override
  public Optional<SiteFacts> site(String siteId) {
    return Optional.ofNullable(sites.get(siteId));
  }

  @Override
  public Optional<ParcelFacts> parcel(String parcelId) {
    return Optional.ofNullable(parcels.get(parcelId));
  }

  private record DatedZone(
      String zoneId, TreeMap<LocalDate, Boolean> decisions, Map<LocalDate, Instant> recordedAt)
      implements ZoneFacts {
    DatedZone(String zoneId) {
      this(zoneId, new TreeMap<>(), new HashMap<>());
    }

    @Override
    public ZoneFacts asKnownAt(Instant instant) {
      DatedZone known = new DatedZone(zoneId);
      decisions.forEach(
          (day, compliant) -> {
            Instant at = recordedAt.get(day);
            if (at == null || !at.isAfter(instant)) {
              known.decisions.put(day, compliant);
              known.recordedAt.put(day, at);
            }
          });
      return known;
    }

    @Override
    public boolean compliantOn(LocalDate date) {
      Map.Entry<LocalDate, Boolean> inForce = decisions.floorEntry(date);
      return inForce != null && inForce.getValue();
    }
  }

  private record DatedLicence(
      String licenceNumber,
      String kind,
      String holderId,
      LocalDate from,
      LocalDate until,
      TreeMap<LocalDate, Boolean> active)
      implements LicenceFacts {
    DatedLicence(String number, String kind, String holderId, LocalDate from, LocalDate until) {
      this(number, kind, holderId, from, until, new TreeMap<>());
    }

    @Override
    public LicenceFacts asKnownAt(Instant instant) {
      return this; // status changes here carry no record time: all known from the start
    }

    @Override
    public boolean validOn(LocalDate date) {
      Map.Entry<LocalDate, Boolean> status = active.floorEntry(date);
      return !date.isBefore(from) && !date.isAfter(until) && (status == null || status.getValue());
    }
  }
}
