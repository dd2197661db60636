package org.kpledger.identity;

/** The role an actor's certificate grants (its subject OU). */
public enum Role {
  REGISTRAR,
  VALUER,
  CERTIFYING_OFFICER,
  INSPECTOR,
  MONITOR,
  BUYER,
  COLLECTOR,
  AUDITOR,
  IMPORT_OFFICER,
  LEDGER_NODE
}
