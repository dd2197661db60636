package org.kpledger.shipment;

/**
 * One verdict of the export gate.
 *
 * @param subject the lot, stockpile item or parcel checked
 * @param rule the reason code of the rule (e.g. {@code ZONE_NOT_COMPLIANT})
 * @param passed whether the subject satisfies the rule
 * @param detail what was found
 */
public record GateCheck(String subject, String rule, boolean passed, String detail) {}
