/**
 * Printable documents: the KP certificate with every Annex I field, the mandated title and
 * statement and a QR code of its public check (KP Core Document Section II and Annex I; 31 CFR
 * 592.307), and the Monitoring Team's shipment dossier as a report. Rendered with OpenPDF from the
 * read side's own records; nothing here decides a rule.
 */
package org.kpledger.api.document;
