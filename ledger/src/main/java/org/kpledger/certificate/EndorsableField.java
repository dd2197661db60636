package org.kpledger.certificate;

/** The certificate fields an issuing authority may correct by endorsement. */
public enum EndorsableField {
  IMPORTER_NAME,
  IMPORTER_COUNTRY,
  EXPIRES_ON
}
