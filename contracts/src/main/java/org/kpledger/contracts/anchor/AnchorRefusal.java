package org.kpledger.contracts.anchor;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Why the anchor contract refused a transaction. The code is the {@code ChaincodeException}'s
 * payload, so a client can branch on it; the message says what was wrong in words.
 */
public enum AnchorRefusal {
  /** The argument is not a well-formed request (bad JSON, field, base64 or size). */
  MALFORMED,
  /** No ledger node key is registered for the head's ledger id. */
  UNKNOWN_LEDGER,
  /** A ledger node key is already registered for this ledger id (keys are not replaced). */
  LEDGER_ALREADY_REGISTERED,
  /** Only an administrator of a KP authority may register a ledger node. */
  NOT_KP_AUTHORITY_ADMIN,
  /**
   * The CA certificate passed with a registration is not a KP authority CA ({@code
   * OU=KP_AUTHORITY}) whose key signed the caller's certificate.
   */
  CA_NOT_CALLERS,
  /** The node certificate is not signed by the key of the caller's CA. */
  NODE_NOT_CERTIFIED,
  /** The node certificate's key is not an EC P-256 key. */
  NODE_KEY_NOT_P256,
  /** The node certificate's role (subject OU) is not {@code LEDGER_NODE}. */
  NOT_A_LEDGER_NODE,
  /** The node or CA certificate is not valid at the registration's transaction time. */
  CERTIFICATE_NOT_VALID,
  /** The registered node certificate is not valid (expired) at the head's transaction time. */
  NODE_CERTIFICATE_EXPIRED,
  /** The head's signature is not a valid low-S signature by the registered ledger node key. */
  BAD_SIGNATURE,
  /** The proof does not start at the latest anchored size (another head was anchored since). */
  STALE_BASE,
  /** The head is smaller than the latest anchored head: history never shrinks. */
  SMALLER_SIZE,
  /** The head has the latest anchored size but another root: a fork. */
  FORK,
  /** The consistency proof does not show that the new tree extends the anchored one. */
  INCONSISTENT_PROOF,
  /** No head is anchored for this ledger id (at this size). */
  NOT_FOUND;

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
