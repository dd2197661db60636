package org.kpledger.api.config;

import java.util.Optional;
import org.kpledger.api.storage.AggregateLocks;
import org.kpledger.custody.CustodyFacts;

/**
 * The facts a command is judged on, read with shared database locks ({@link
 * AggregateLocks#reading}): with several nodes, purchases on all of them may read one zone at once,
 * and a change of that zone waits for them.
 */
final class FactsReadShared implements CustodyFacts {
  private final CustodyFacts facts;

  FactsReadShared(CustodyFacts facts) {
    this.facts = facts;
  }

  @Override
  public Optional<ZoneFacts> zone(String zoneId) {
    return AggregateLocks.reading(() -> facts.zone(zoneId));
  }

  @Override
  public Optional<LicenceFacts> licence(String licenceNumber) {
    return AggregateLocks.reading(() -> facts.licence(licenceNumber));
  }

  @Override
  public Optional<MinerFacts> miner(String minerId) {
    return AggregateLocks.reading(() -> facts.miner(minerId));
  }

  @Override
  public Optional<SiteFacts> site(String siteId) {
    return AggregateLocks.reading(() -> facts.site(siteId));
  }

  @Override
  public Optional<ParcelFacts> parcel(String parcelId) {
    return AggregateLocks.reading(() -> facts.parcel(parcelId));
  }
}
