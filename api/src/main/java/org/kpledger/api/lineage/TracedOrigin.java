package org.kpledger.api.lineage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.api.registry.LicenceVerdict;
import org.kpledger.api.registry.ZoneVerdict;
import org.kpledger.shipment.GateCheck;

/**
 * An origin of a trace (a purchase slip or a declared stockpile item) with what was in force on its
 * day: the zone's status from the zone's dated decisions as they stand now, the status the slip
 * recorded when it was entered, the miner's patente and the buyer's licence, and the export gate's
 * origin checks.
 *
 * @param priceUsd the slip's price, null when the reader may not see it
 * @param lateEntry whether the ledger recorded it more than {@link
 *     org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} Bangui days after it happened, as decided
 *     when it was recorded
 * @param exportable whether every gate check on this origin passed
 */
public record TracedOrigin(
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
    ZoneVerdict zoneOnPurchaseDay,
    Boolean zoneCompliantWhenRecorded,
    LicenceVerdict patenteOnPurchaseDay,
    LicenceVerdict buyerLicenceOnPurchaseDay,
    String stockpileId,
    String quarantineReason,
    String auditClearance,
    List<GateCheck> checks,
    boolean exportable) {}
