package org.kpledger.contracts.certificate;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Why the certificate registry refused a transaction; the code is the {@code ChaincodeException}'s
 * payload.
 */
public enum CertificateRefusal {
  /** An argument is malformed (number, hash or country), or the destination is the exporter's. */
  MALFORMED,
  /** The caller's organisation CA does not declare a KP authority. */
  NOT_KP_AUTHORITY,
  /** A certificate with this number is already registered. */
  DUPLICATE_CERTIFICATE,
  /** No certificate with this number is registered. */
  UNKNOWN_CERTIFICATE,
  /** The caller's organisation CA does not declare an importing authority. */
  NOT_IMPORTING_AUTHORITY,
  /** The caller's organisation CA is an importing authority of another country. */
  NOT_DESTINATION_COUNTRY,
  /** The confirmed content hash differs from the registered one. */
  CONTENT_HASH_MISMATCH,
  /** Receipt of this certificate is already confirmed. */
  ALREADY_CONFIRMED;

  /**
   * The exception that refuses the transaction with this reason.
   *
   * @param message what was wrong, for a person
   * @return the exception to throw
   */
  public ChaincodeException refuse(String message) {
    return new ChaincodeException(name() + ": " + message, name());
  }
}
