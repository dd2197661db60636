package org.kpledger.zone;

/** A zone's status under the KP: compliant (exports allowed) or suspended. */
public enum ZoneStatus {
  COMPLIANT,
  SUSPENDED
}
