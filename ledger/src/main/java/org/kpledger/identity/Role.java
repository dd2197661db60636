package org.kpledger.identity;

/** What an actor may do; the OU of an actor certificate. */
public enum Role {
  /** Registers parcels and actors. */
  REGISTRAR,
  /** Values parcels. */
  VALUER,
  /** Issues and signs Kimberley Process certificates. */
  CERTIFYING_OFFICER,
  /** Inspects shipments. */
  INSPECTOR,
  /** Observes and reports on the chain of custody. */
  MONITOR,
  /** Buys rough diamonds. */
  BUYER,
  /** Collects rough diamonds from diggers. */
  COLLECTOR,
  /** Audits records. */
  AUDITOR,
  /** Confirms imports at the destination. */
  IMPORT_OFFICER,
  /** A ledger node itself, signing what it produces. */
  LEDGER_NODE
}
