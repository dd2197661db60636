/**
 * Export shipments and the export gate (kp-facts rule 7). A licensed buying office proposes a
 * shipment of sealed, valued parcels it holds; the Monitoring Team approves or rejects it; the KP
 * authority certifies it; it is exported. Whether the certificate needs the Monitoring Team's
 * approval first is dated policy, {@link org.kpledger.shipment.ExportRegime}, judged on the
 * certification's record day (kp-facts §2.1: prior approval from July 2015, certificate first from
 * the New Delhi plenary of November 2019). At each of approval, certification and export the gate
 * is evaluated again against the ledger as it stands: no lot in the lineage may have been bought
 * while its zone was not compliant or from a miner without a patente in force that day, and no item
 * may be confiscated, quarantined or unsealed.
 */
package org.kpledger.shipment;
