package org.kpledger.shipment;

/** Where a shipment stands on the export path. */
public enum ShipmentStatus {
  PROPOSED,
  APPROVED,
  REJECTED,
  CERTIFIED,
  EXPORTED
}
