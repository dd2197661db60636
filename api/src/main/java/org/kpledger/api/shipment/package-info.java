/**
 * Read side of export shipments: the shipments projection and the list of shipments by exporter,
 * status, origin zone or site and period.
 */
package org.kpledger.api.shipment;
