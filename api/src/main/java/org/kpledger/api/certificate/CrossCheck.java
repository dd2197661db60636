package org.kpledger.api.certificate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The Monitoring Team's cross-check of certificates against import confirmations (kp-facts §2.1:
 * from the New Delhi plenary of November 2019 every certificate copy is cross-checked against the
 * importing authorities' confirmations).
 *
 * @param month the month of export checked, or null for every export
 * @param afterDays after how many days from export a missing confirmation counts
 * @param judgedOn the day (in Bangui) the certificates were judged on
 * @param unconfirmed certificates exported at least {@code afterDays} days before {@code judgedOn}
 *     with no import confirmation, on the ledger or on the Fabric channel (status UNCONFIRMED),
 *     oldest export first
 * @param mismatched certificates whose import confirmation differs from the certificate (status
 *     CONFIRMED_WITH_MISMATCHES, the differing fields in {@code mismatchedFields}), oldest export
 *     first
 */
public record CrossCheck(
    YearMonth month,
    int afterDays,
    LocalDate judgedOn,
    List<CertificateRecord> unconfirmed,
    List<CertificateRecord> mismatched) {}
