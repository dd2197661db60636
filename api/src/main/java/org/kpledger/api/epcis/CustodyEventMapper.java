package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps one ledger event to one EPCIS event. Events of lots, parcels, shipments and certificates are
 * custody events and each maps to exactly one EPCIS event; an event type this mapping does not name
 * yet (a later revision of the custody model) still maps, to a plain observation of its aggregate,
 * so no custody event is ever dropped. Registry events (zones, sites, miners, licences, CRLs) are
 * not custody and map to nothing.
 */
final class CustodyEventMapper {
  /** Event types that are not custody: the registry and the trust material. */
  static final Set<String> NOT_CUSTODY =
      Set.of(
          "ZoneRegisteredEvent",
          "ZoneDecisionRecordedEvent",
          "SiteRegisteredEvent",
          "ProductionRecordedEvent",
          "ProductionDrawnEvent",
          "MinerRegisteredEvent",
          "PatenteRenewedEvent",
          "LicenceIssuedEvent",
          "LicenceStatusChangedEvent",
          "RevocationListPublishedEvent",
          "StockpileDeclaredEvent");

  private final Function<String, Optional<String>> shipmentOfCertificate;

  CustodyEventMapper(Function<String, Optional<String>> shipmentOfCertificate) {
    this.shipmentOfCertificate = shipmentOfCertificate;
  }

  /** The EPCIS event of a custody event; empty for registry events. */
  Optional<ObjectNode> map(LedgerEvent e) {
    if (NOT_CUSTODY.contains(e.type())) {
      return Optional.empty();
    }
    return ParcelEventMapping.map(e)
        .or(() -> ShipmentEventMapping.map(e, shipmentOfCertificate))
        .or(
            () ->
                Optional.of(ParcelEventMapping.observe(e, e.aggregateId(), "other", null).build()));
  }
}
