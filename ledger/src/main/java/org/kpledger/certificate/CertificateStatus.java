package org.kpledger.certificate;

/**
 * Where a KP certificate stands on a day: one status, the gravest that applies, read in this order
 * (kp-facts §1.1 validity, rule 8 import confirmation closure).
 *
 * <ol>
 *   <li>{@link #VOID}: voided by the KP authority; covers nothing.
 *   <li>{@link #CONFIRMED_WITH_MISMATCHES}: the importing authority confirmed receipt on the ledger
 *       and at least one field differed from the certificate (a flag, never silently accepted).
 *   <li>{@link #CONFIRMED}: confirmed on the ledger, every field matching.
 *   <li>{@link #CONFIRMED_ON_CHANNEL}: confirmed only on the Fabric channel, by the importing
 *       authority of the destination country, for exactly the content as issued (its hash).
 *   <li>{@link #UNCONFIRMED}: exported at least the confirmation delay ago with no confirmation.
 *   <li>{@link #EXPORTED}: exported, still within the confirmation delay.
 *   <li>{@link #EXPIRED}: never used for an export and past its expiry day; it can no longer cover
 *       one.
 *   <li>{@link #ISSUED}: issued, within its validity, not yet used for an export.
 * </ol>
 */
public enum CertificateStatus {
  /** Issued, within validity, no export yet. */
  ISSUED,
  /** Never used for an export and past its expiry day. */
  EXPIRED,
  /** Exported, awaiting the importing authority's confirmation within the delay. */
  EXPORTED,
  /** Exported at least the confirmation delay ago with no confirmation anywhere. */
  UNCONFIRMED,
  /** Confirmed on the Fabric channel only (the content as issued, by its hash). */
  CONFIRMED_ON_CHANNEL,
  /** Confirmed on the ledger, every field matching the certificate. */
  CONFIRMED,
  /** Confirmed on the ledger with at least one field differing from the certificate. */
  CONFIRMED_WITH_MISMATCHES,
  /** Voided. */
  VOID
}
