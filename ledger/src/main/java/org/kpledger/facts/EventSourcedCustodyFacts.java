package org.kpledger.facts;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.licence.Licence;
import org.kpledger.miner.Miner;
import org.kpledger.parcel.Parcel;
import org.kpledger.site.Site;
import org.kpledger.zone.Zone;

/**
 * Answers {@link CustodyFacts} by loading the aggregates from the event store inside the current
 * unit of work: the committed truth plus whatever this unit of work already changed.
 */
public final class EventSourcedCustodyFacts implements CustodyFacts {
  private final Repository<Zone> zones;
  private final Repository<Licence> licences;
  private final Repository<Miner> miners;
  private final Repository<Site> sites;
  private final Repository<Parcel> parcels;

  /**
   * Facts read through the aggregates' repositories.
   *
   * @param zones the zones' repository
   * @param licences the licences' repository
   * @param miners the miners' repository
   * @param sites the sites' repository
   * @param parcels the parcels' repository
   */
  public EventSourcedCustodyFacts(
      Repository<Zone> zones,
      Repository<Licence> licences,
      Repository<Miner> miners,
      Repository<Site> sites,
      Repository<Parcel> parcels) {
    this.zones = zones;
    this.licences = licences;
    this.miners = miners;
    this.sites = sites;
    this.parcels = parcels;
  }

  @Override
  public Optional<ZoneFacts> zone(String zoneId) {
    return load(zones, zoneId, z -> z);
  }

  @Override
  public Optional<LicenceFacts> licence(String licenceNumber) {
    return load(licences, licenceNumber, l -> l);
  }

  @Override
  public Optional<MinerFacts> miner(String minerId) {
    return load(miners, minerId, Miner::facts);
  }

  @Override
  public Optional<SiteFacts> site(String siteId) {
    return load(sites, siteId, Site::facts);
  }

  @Override
  public Optional<ParcelFacts> parcel(String parcelId) {
    return load(parcels, parcelId, Parcel::facts);
  }

  private static <A, R> Optional<R> load(Repository<A> repo, String id, Function<A, R> view) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(repo.load(id).invoke(view));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }
}
