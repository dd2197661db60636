package org.kpledger.parcel;

import java.time.LocalDate;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.LedgerCalendar;

/**
 * Quarantine of stockpile items (kp-facts rule 9): goods acquired from the suspension of 23 May
 * 2013 until their zone's compliance, or with no documented place or date of acquisition, are
 * blocked until a forensic-audit clearance releases them. So are goods dated before the suspension
 * in a zone whose recorded history does not show it compliant that day, since the export gate would
 * refuse them too.
 */
final class StockpileRules {
  private StockpileRules() {}

  static StockpileItemDeclaredEvent declare(CreateStockpileItemCommand c, CustodyFacts facts) {
    return new StockpileItemDeclaredEvent(
        c.parcelId(),
        c.stockpileId(),
        c.holder(),
        c.carats(),
        c.zoneId(),
        c.acquiredOn(),
        c.description(),
        quarantineReason(c.zoneId(), c.acquiredOn(), facts));
  }

  /** Why an item is quarantined, or null if it is not. */
  static String quarantineReason(String zoneId, LocalDate acquiredOn, CustodyFacts facts) {
    if (zoneId == null || acquiredOn == null) {
      return "UNDOCUMENTED_ORIGIN";
    }
    if (facts.zone(zoneId).isEmpty()) {
      return "UNKNOWN_ZONE";
    }
    if (!facts.zone(zoneId).get().compliantOn(acquiredOn)) {
      // The export gate refuses any origin whose zone history does not show it compliant that
      // day unless an audit released it, and only a quarantined item can be released: an item
      // dated before the suspension must be quarantined too, or it is frozen for ever. Only the
      // forensic audit can establish that it predates the suspension (2016 Plenary §54).
      return acquiredOn.isBefore(LedgerCalendar.SUSPENSION_DATE)
          ? "ACQUIRED_BEFORE_SUSPENSION"
          : "ACQUIRED_DURING_SUSPENSION";
    }
    return null;
  }

  static Origin originOf(StockpileItemDeclaredEvent e) {
    return new Origin(
        e.parcelId(),
        null,
        null,
        null,
        e.zoneId(),
        e.acquiredOn(),
        e.carats(),
        e.stockpileId(),
        null);
  }
}
