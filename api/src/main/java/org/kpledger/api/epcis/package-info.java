/**
 * The custody history as GS1 EPCIS 2.0 (JSON-LD): each ledger event of a lot, parcel, shipment or
 * KP certificate becomes one EPCIS event with CBV 2.0 business steps and dispositions, carrying the
 * ledger event id and its leaf index so it can be checked against the verifiable log. Identifiers
 * are the project's URNs ({@link org.kpledger.api.epcis.EpcisIdentifiers}): rough parcels have no
 * GTIN.
 */
package org.kpledger.api.epcis;
