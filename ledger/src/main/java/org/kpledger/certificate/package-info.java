/**
 * KP certificates (Core Document Section II and Annex I): a unique number with the ISO 3166-1
 * prefix {@code CF}, issue and expiry dates, exporter and importer, carats, US$ value, number of
 * parcels, HS code 7102.10, 7102.21 or 7102.31, and origin. Corrections are endorsements, never
 * edits (kp-facts rule 11); the importing authority's confirmation of receipt is compared with the
 * certificate and a mismatch is recorded and flagged, never silently accepted (rule 8). Only an
 * importing authority whose CA names the importer's country confirms ({@link
 * org.kpledger.certificate.ImportingAuthorities}; rules {@code NOT_DESTINATION_COUNTRY} and {@code
 * IMPORTING_AUTHORITY_WITHOUT_COUNTRY}). Every read states the certificate's standing through one
 * rule, {@link org.kpledger.certificate.CertificateStanding}.
 *
 * <p>On a networked node each certificate is also registered on the Fabric channel by the hash of
 * its {@link org.kpledger.certificate.CertificateContent}, and the importing authority of the
 * destination country confirms receipt there with its own Fabric identity; the node records that
 * confirmation ({@link org.kpledger.certificate.CertificateConfirmedOnChannelEvent}, once per
 * transaction, only for this certificate's content).
 */
package org.kpledger.certificate;
