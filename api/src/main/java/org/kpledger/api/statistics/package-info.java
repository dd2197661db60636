/**
 * KP-style statistics (Core Document Annex III; kp-facts 1.2 and the Monitoring Team's monthly
 * export report): purchases per zone and month (count, carats, US$), each buying office's
 * acquisitions and exports per month, and exports per month (shipments, carats, US$, certificates
 * issued). Months are Bangui calendar months: of the purchase's field date, of the record day of a
 * transfer, of the export day, of the certificate's issue date.
 *
 * <p>Refused attempts are kept in their own table, not as events, so they are not counted here (the
 * dossier lists them).
 */
package org.kpledger.api.statistics;
