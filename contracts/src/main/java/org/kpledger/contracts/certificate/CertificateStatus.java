package org.kpledger.contracts.certificate;

/** Where a registered KP certificate stands on the channel. */
public enum CertificateStatus {
  /** Registered by the exporting authority, receipt not yet confirmed. */
  REGISTERED,
  /** Receipt confirmed by the importing authority named at registration. */
  CONFIRMED
}
