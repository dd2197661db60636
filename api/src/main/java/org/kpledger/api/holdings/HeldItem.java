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
 * @param period when its stones were acquired against the KP suspension of CAR (23 May 2013):
 *     BEFORE_SUSPENSION (every origin before that day), DURING_SUSPENSION (every origin on or after
 *     it: the suspension still stands outside the compliant zones, whose status on the day is the
 *     trace's verdict), MIXED, or UNDOCUMENTED when an origin has no date
 * @param stockpileId the stockpile it was declared in, or null
 * @param quarantine for a declared stockpile item that was quarantined, whether it still is; null
 *     for every other item
 */
record HeldItem(
    String itemId,
    String kind,
    String holder,
    BigDecimal carats,
    LocalDate acquiredOn,
    String acquiredBy,
    List<String> zones,
    List<OriginRef> origins,
    String period,
    String stockpileId,
    Quarantine quarantine) {

  /**
   * A stockpile item's quarantine (kp-facts rule 9), as the ledger stands now.
   *
   * @param status QUARANTINED (it cannot move or be exported) or RELEASED (by a forensic audit)
   * @param reason why it was quarantined when declared: ACQUIRED_DURING_SUSPENSION,
   *     ACQUIRED_BEFORE_SUSPENSION (its zone's history does not show it compliant that day),
   *     UNDOCUMENTED_ORIGIN or UNKNOWN_ZONE
   * @param auditReference the forensic audit that released it, or null
   */
  record Quarantine(String status, String reason, String auditReference) {}

  /** An origin as holdings show it. */
  record OriginRef(String lotId, String zoneId, LocalDate acquiredOn) {}
}
