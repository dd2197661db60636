/**
 * Zone history: each sub-prefecture's Monitoring Team decisions over time with who signed them and
 * when the ledger recorded them, the status in force on any day (read by the registry's {@link
 * org.kpledger.zone.ZoneDecisions} rule), and the purchases bought there while it was compliant and
 * while it was not (kp-facts 2.1, 2.2 and rule 2).
 */
package org.kpledger.api.zone;
