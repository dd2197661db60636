package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;

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
   * A purchase slip or a declared stockpile item as the lineage tables hold it: the ledger's own
   * {@link org.kpledger.parcel.Origin} (what the export gate judges and every merge and split
   * carries) with what the slip or declaration recorded beside it. {@link TracedOrigin} is this row
   * as one reader may see it in a trace, with its verdicts.
   *
   * @param origin where the stones came from, exactly as the domain carries it
   * @param kind LOT or STOCKPILE_ITEM
   * @param lateEntry whether the slip was a late entry, as the ledger decided when it recorded it
   *     ({@link org.kpledger.custody.FieldDate#isLate}); false for a stockpile item
   */
  public record Origin(
      org.kpledger.parcel.Origin origin,
      String kind,
      String slipNumber,
      Instant occurredAt,
      Instant recordedAt,
      boolean lateEntry,
      Integer stoneCount,
      BigDecimal priceUsd,
      String buyerParty,
      String buyerLicence,
      Boolean zoneCompliantRecorded,
      String quarantineReason) {

    /** The lot or stockpile item id ({@link org.kpledger.parcel.Origin#lotId}). */
    public String lotId() {
      return origin.lotId();
    }
  }

  /** An origin's zone and acquisition date (null: undocumented), all that holdings count. */
  public record DatedOrigin(String lotId, String zoneId, java.time.LocalDate acquiredOn) {}

  /**
   * What an item's origins are, counted from its {@link DatedOrigin}s: how many zones (and the
   * first), whether one is {@code zone}, and how many are undocumented (no date), bought before and
   * after a day.
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
