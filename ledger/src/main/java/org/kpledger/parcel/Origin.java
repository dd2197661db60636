package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where a part of a parcel came from: a lot bought from a miner at a site, or a declared stockpile
 * item. Carried unchanged through every merge and split, so a shipment resolves to its miners,
 * sites, zones and dates.
 *
 * @param lotId the lot or stockpile item
 * @param minerId the selling miner (null for a stockpile item)
 * @param patenteNumber the miner's patente (null for a stockpile item)
 * @param siteId the site (null for a stockpile item)
 * @param zoneId the sub-prefecture (null when undocumented)
 * @param acquiredOn purchase day in Bangui (null when undocumented)
 * @param carats the lot's carats when it entered the ledger
 * @param stockpileId the stockpile it was declared in (null for a purchased lot)
 * @param auditClearance the forensic-audit clearance that released it (null if none)
 */
public record Origin(
    String lotId,
    String minerId,
    String patenteNumber,
    String siteId,
    String zoneId,
    LocalDate acquiredOn,
    BigDecimal carats,
    String stockpileId,
    String auditClearance) {

  /** The same origin, released by a forensic-audit clearance. */
  public Origin clearedBy(String auditReference) {
    return new Origin(
        lotId,
        minerId,
        patenteNumber,
        siteId,
        zoneId,
        acquiredOn,
        carats,
        stockpileId,
        auditReference);
  }
}
