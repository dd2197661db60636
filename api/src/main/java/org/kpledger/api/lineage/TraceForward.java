package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.api.paging.Page;
import org.kpledger.api.registry.ZoneVerdict;
import org.kpledger.shipment.GateCheck;

/**
 * Everything the stones of a miner, site, zone, lot or collector reached: the items that carry them
 * (a page), the shipments and certificates those items went into, and every origin among them that
 * fails the export gate, with its verdict.
 *
 * @param startKind MINER, SITE, ZONE, LOT or COLLECTOR
 * @param originCount how many origins (slips, stockpile items) the start stands for
 * @param originCarats their carats as they entered the ledger
 * @param failingOrigins the origins that fail an export-gate check, with the failed checks
 */
record TraceForward(
    String startKind,
    String startId,
    int originCount,
    BigDecimal originCarats,
    List<FailingOrigin> failingOrigins,
    Page<ReachedItem> items,
    List<ShipmentRef> shipments,
    List<CertificateRef> certificates) {

  /** An item that carries stones of the start; {@code failingOrigins} are among its origins. */
  record ReachedItem(
      String itemId,
      String kind,
      BigDecimal carats,
      String holder,
      String state,
      String shipmentId,
      List<String> failingOrigins,
      boolean exportable) {}

  /** An origin that fails the gate. */
  record FailingOrigin(
      String lotId,
      String zoneId,
      LocalDate acquiredOn,
      ZoneVerdict zoneOnPurchaseDay,
      List<GateCheck> failed) {}

  /** A shipment reached. */
  record ShipmentRef(
      String shipmentId,
      String exporter,
      String status,
      BigDecimal carats,
      String certificateNumber) {}

  /** A certificate reached. */
  record CertificateRef(String certificateNumber, String shipmentId, String status) {}
}
