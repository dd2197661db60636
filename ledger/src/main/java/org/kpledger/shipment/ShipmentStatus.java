package org.kpledger.shipment;

/** Where a shipment stands on the export path. */
enum ShipmentStatus {
  PROPOSED,
  APPROVED,
  REJECTED,
  CERTIFIED,
  EXPORTED
}
