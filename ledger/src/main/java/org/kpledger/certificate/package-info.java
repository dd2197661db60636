/**
 * KP certificates (Core Document Section II and Annex I): a unique number with the ISO 3166-1
 * prefix {@code CF}, issue and expiry dates, exporter and importer, carats, US$ value, number of
 * parcels, HS code 7102.10, 7102.21 or 7102.31, and origin. Corrections are endorsements, never
 * edits (kp-facts rule 11); the importing authority's confirmation of receipt is compared with the
 * certificate and a mismatch is recorded and flagged, never silently accepted (rule 8).
 */
package org.kpledger.certificate;
