package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kpledger.api.registry.LicenceVerdict;

/**
 * Everything a shipment, certificate, parcel or lot came from: the items of its lineage with their
 * custody (and each holder's licences on the day it took custody), the merge and split edges with
 * their carats, and the origins with what was in force on their day.
 *
 * @param startKind SHIPMENT, CERTIFICATE, PARCEL or LOT
 * @param startItems the items the trace starts from (a shipment's parcels)
 * @param caratsByZone origin carats (as they entered the ledger) by zone
 * @param exportable whether every origin passes the export gate's origin checks
 */
public record TraceBack(
    String startKind,
    String startId,
    String shipmentId,
    String certificateNumber,
    List<String> startItems,
    List<TracedItem> items,
    List<LineageRows.Edge> edges,
    List<TracedOrigin> origins,
    Map<String, BigDecimal> caratsByZone,
    boolean exportable) {

  /** An item of the lineage and who held it. */
  public record TracedItem(
      String itemId,
      String kind,
      BigDecimal carats,
      String state,
      String holder,
      String shipmentId,
      List<Custody> custody) {}

  /** A custody period, with the holder's licences as they stood on the day it began. */
  public record Custody(
      String holder,
      String acquiredBy,
      Instant from,
      Instant until,
      String endedBy,
      List<LicenceVerdict> licencesOnAcquisition) {}
}
