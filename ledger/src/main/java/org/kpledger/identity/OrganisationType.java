package org.kpledger.identity;

/** The kinds of organisation that hold a CA in the ledger's trust root. */
public enum OrganisationType {
  KP_AUTHORITY,
  MONITORING_TEAM,
  BUYING_OFFICE,
  COLLECTORS_ASSOCIATION,
  AUDITOR,
  IMPORTING_AUTHORITY
}
