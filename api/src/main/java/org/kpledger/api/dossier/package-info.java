/**
 * The Monitoring Team's shipment dossier: trace, export-gate verdicts, valuation, signers, late
 * entries and refused attempts.
 */
package org.kpledger.api.dossier;
