package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A purchase slip: stones bought from a registered miner by a licensed buyer. The zone's compliance
 * on the purchase day is recorded as it stood when the slip was recorded; the export gate reads the
 * zone history again.
 */
@Revision("1")
public record LotPurchasedEvent(
    String lotId,
    String slipNumber,
    String minerId,
    String patenteNumber,
    String siteId,
    String zoneId,
    String buyerParty,
    String buyerLicence,
    BigDecimal carats,
    int stoneCount,
    BigDecimal priceUsd,
    Instant occurredAt,
    boolean zoneCompliantOnPurchaseDay) {}
