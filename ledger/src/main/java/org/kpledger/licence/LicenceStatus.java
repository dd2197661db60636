package org.kpledger.licence;

/** A licence's status: active, suspended (may be reinstated) or revoked (final). */
public enum LicenceStatus {
  ACTIVE,
  SUSPENDED,
  REVOKED
}
