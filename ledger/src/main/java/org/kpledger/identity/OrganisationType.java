package org.kpledger.identity;

/** The kinds of organisation that take part in the ledger; the OU of an organisation CA. */
public enum OrganisationType {
  /** A participant's Kimberley Process authority (issues and validates KP certificates). */
  KP_AUTHORITY,
  /** A KP review or monitoring mission. */
  MONITORING_TEAM,
  /** A licensed buying office. */
  BUYING_OFFICE,
  /** An association of artisanal diggers and collectors. */
  COLLECTORS_ASSOCIATION,
  /** An independent auditor. */
  AUDITOR,
  /** The authority of an importing participant. */
  IMPORTING_AUTHORITY,
  /**
   * The operator of the Fabric ordering service on which tree heads are anchored; it signs no
   * custody statements.
   */
  ORDERING_SERVICE
}
