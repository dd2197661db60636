package org.kpledger.api.holdings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One item held at the end of the day asked about.
 *
 * @param itemId the lot, parcel or stockpile item
 * @param kind LOT, STOCKPILE, MERGED or SPLIT
 * @param holder who held it
 * @param carats its mass while held
 * @param acquiredOn the day the holder acquired it
 * @param acquiredBy how: PURCHASE, STOCKPILE, TRANSFER, MERGE, SPLIT, CONFISCATION, RETURN
 * @param zones the origin zones of its stones (empty if undocumented)
 * @param origins the origins it carries, with their zone and acquisition day
 * @param period PRE_SUSPENSION, POST_SUSPENSION or MIXED (origins against 23 May 2013), or
 *     UNDOCUMENTED when an origin has no date
 * @param stockpileId the stockpile it was declared in, or null
 */
public record HeldItem(
    String itemId,
    String kind,
    String holder,
    BigDecimal carats,
    LocalDate acquiredOn,
    String acquiredBy,
    List<String> zones,
    List<OriginRef> origins,
    String period,
    String stockpileId) {

  /** An origin as holdings show it. */
  public record OriginRef(String lotId, String zoneId, LocalDate acquiredOn) {}
}
