package org.kpledger.parcel;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A purchase slip: stones bought from a registered miner by a licensed buyer. The zone's compliance
 * on the purchase day is recorded as it stood when the slip was recorded; the export gate reads the
 * zone history again.
 *
 * <p>Revision 2 adds the late-entry flag, decided when the command ran ({@link
 * org.kpledger.custody.FieldDate#isLate}). A revision 1 event has none ({@code lateEntry} null):
 * whoever reads it applies the same rule to its field date and the day it was recorded.
 *
 * @param lateEntry recorded more than {@link org.kpledger.custody.FieldDate#LATE_AFTER_DAYS} days
 *     after the Bangui day of {@code occurredAt}, or null in a revision 1 event
 */
@Revision("2")
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
    boolean zoneCompliantOnPurchaseDay,
    Boolean lateEntry) {}
