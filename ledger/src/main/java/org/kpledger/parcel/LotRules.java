package org.kpledger.parcel;

import static org.kpledger.custody.CustodyRuleViolation.require;

import java.time.LocalDate;
import org.kpledger.custody.Actor;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.FieldDate;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.identity.Role;
import org.kpledger.licence.LicenceKind;

/**
 * The rules of a purchase slip (kp-facts rule 1): a registered miner, selling from the site they
 * are registered at, with a patente in force on the purchase day, to a buyer holding its own
 * licence of the right kind in force that day. A zone not compliant on the purchase day does not
 * stop the slip from being recorded (it is evidence), but the lot can never pass the export gate.
 */
final class LotRules {
  private LotRules() {}

  static LotPurchasedEvent purchase(
      CreateLotCommand c, Actor buyer, CustodyFacts facts, LocalDate recordDay) {
    FieldDate bought = FieldDate.of(LedgerCalendar.dateOf(c.occurredAt()), recordDay, "occurredAt");
    LocalDate day = bought.day();
    CustodyFacts.MinerFacts miner =
        facts
            .miner(c.minerId())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_MINER", "minerId", "no miner " + c.minerId() + " is registered"));
    require(
        miner.siteId().equals(c.siteId()),
        "MINER_NOT_AT_SITE",
        "siteId",
        "miner " + c.minerId() + " is registered at " + miner.siteId() + ", not " + c.siteId());
    boolean patenteValid =
        facts.licence(miner.patenteNumber()).map(l -> l.validOn(day)).orElse(false);
    require(
        patenteValid,
        "PATENTE_NOT_VALID",
        "minerId",
        "miner "
            + c.minerId()
            + " had no patente in force on "
            + day
            + " ("
            + miner.patenteNumber()
            + ")");
    requireBuyerLicensed(c, buyer, day, facts);
    boolean compliant = facts.zone(miner.zoneId()).map(z -> z.compliantOn(day)).orElse(false);
    return new LotPurchasedEvent(
        c.lotId(),
        c.slipNumber(),
        c.minerId(),
        miner.patenteNumber(),
        c.siteId(),
        miner.zoneId(),
        buyer.party(),
        c.buyerLicence(),
        c.carats(),
        c.stoneCount(),
        c.priceUsd(),
        c.occurredAt(),
        compliant,
        bought.lateEntry());
  }

  private static void requireBuyerLicensed(
      CreateLotCommand c, Actor buyer, LocalDate day, CustodyFacts facts) {
    LicenceKind needed =
        buyer.role() == Role.COLLECTOR ? LicenceKind.AGREMENT : LicenceKind.EXPORT_LICENCE;
    CustodyFacts.LicenceFacts licence =
        facts
            .licence(c.buyerLicence())
            .orElseThrow(
                () ->
                    new CustodyRuleViolation(
                        "UNKNOWN_LICENCE",
                        "buyerLicence",
                        "no licence " + c.buyerLicence() + " was issued"));
    require(
        licence.kind().equals(needed.name()) && licence.holderId().equals(buyer.party()),
        "BUYER_NOT_LICENSED",
        "buyerLicence",
        "licence " + c.buyerLicence() + " is not an " + needed + " held by " + buyer.party());
    require(
        licence.validOn(day),
        "BUYER_NOT_LICENSED",
        "buyerLicence",
        "licence " + c.buyerLicence() + " of " + buyer.party() + " was not in force on " + day);
  }

  static Origin originOf(LotPurchasedEvent e) {
    return new Origin(
        e.lotId(),
        e.minerId(),
        e.patenteNumber(),
        e.siteId(),
        e.zoneId(),
        LedgerCalendar.dateOf(e.occurredAt()),
        e.carats(),
        null,
        null);
  }
}
