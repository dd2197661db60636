package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Rows of the lineage tables as the queries read them. */
public final class LineageRows {
  private LineageRows() {}

  /** A custody item and its current state. */
  public record Item(
      String itemId,
      String kind,
      BigDecimal carats,
      String holder,
      String state,
      String shipmentId,
      String sealId,
      BigDecimal valueUsd,
      String priceListVersion,
      boolean quarantined,
      String stockpileId,
      Instant createdAt) {}

  /** A merge or split edge: {@code carats} went from one item to another. */
  public record Edge(
      String fromItem, String toItem, BigDecimal carats, String operation, Instant recordedAt) {}

  /**
   * A purchase slip or a declared stockpile item: where stones entered the ledger.
   *
   * @param lateEntry whether the slip was a late entry, as the ledger decided when it recorded it
   *     ({@link org.kpledger.custody.FieldDate#isLate}); false for a stockpile item
   */
  public record Origin(
      String lotId,
      String kind,
      String slipNumber,
      String minerId,
      String patenteNumber,
      String siteId,
      String zoneId,
      LocalDate acquiredOn,
      Instant occurredAt,
      Instant recordedAt,
      boolean lateEntry,
      BigDecimal carats,
      Integer stoneCount,
      BigDecimal priceUsd,
      String buyerParty,
      String buyerLicence,
      Boolean zoneCompliantRecorded,
      String stockpileId,
      String quarantineReason,
      String auditClearance) {

    /** The same origin as the export gate reads it. */
    public org.kpledger.parcel.Origin asGateOrigin() {
      return new org.kpledger.parcel.Origin(
          lotId,
          minerId,
          patenteNumber,
          siteId,
          zoneId,
          acquiredOn,
          carats,
          stockpileId,
          auditClearance);
    }
  }

  /**
   * What an item's origins are, counted in SQL: how many zones (and the first), whether one is
   * {@code zone}, and how many are undocumented (no date), bought before and after a day.
   */
  public record OriginMix(
      String itemId,
      int zoneCount,
      String firstZone,
      boolean carriesZone,
      int undocumented,
      int before,
      int onOrAfter) {}
}
