package org.kpledger.api.dossier;

import java.util.Optional;
import org.kpledger.custody.CustodyFacts;

/**
 * The facts as they stood when a shipment left: its exported parcels count as still active in it,
 * since the gate last ran at export, just before they left. Everything else is unchanged.
 */
final class AsExportedFacts implements CustodyFacts {
  private final CustodyFacts facts;
  private final String shipmentId;

  AsExportedFacts(CustodyFacts facts, String shipmentId) {
    this.facts = facts;
    this.shipmentId = shipmentId;
  }

  @Override
  public Optional<ParcelFacts> parcel(String parcelId) {
    return facts
        .parcel(parcelId)
        .map(
            p ->
                shipmentId.equals(p.shipmentId())
                    ? new ParcelFacts(
                        p.parcelId(),
                        p.holder(),
                        true,
                        p.sealed(),
                        p.confiscated(),
                        p.quarantined(),
                        p.shipmentId())
                    : p);
  }

  @Override
  public Optional<ZoneFacts> zone(String zoneId) {
    return facts.zone(zoneId);
  }

  @Override
  public Optional<LicenceFacts> licence(String licenceNumber) {
    return facts.licence(licenceNumber);
  }

  @Override
  public Optional<MinerFacts> miner(String minerId) {
    return facts.miner(minerId);
  }

  @Override
  public Optional<SiteFacts> site(String siteId) {
    return facts.site(siteId);
  }
}
