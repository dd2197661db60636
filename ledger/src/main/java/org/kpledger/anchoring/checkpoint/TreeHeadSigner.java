package org.kpledger.anchoring.checkpoint;

import java.security.PublicKey;

/**
 * The ledger node's key for tree heads: ECDSA over NIST P-256 with SHA-256, as RFC 6962 tree head
 * signatures and C2SP signed-note type {@code 0x05} require. Implementations may keep the private
 * key in memory, a keystore or an HSM; it never leaves them. The key should sign nothing but tree
 * heads.
 */
public interface TreeHeadSigner {

  /**
   * Returns the public key, from which verifiers derive the RFC 6962 log ID and the note key ID.
   *
   * @return an EC P-256 public key
   */
  PublicKey publicKey();

  /**
   * Signs a message.
   *
   * @param message the bytes to sign (for a tree head, the RFC 6962 {@code TreeHeadSignature}
   *     input)
   * @return the ASN.1 DER {@code ECDSA-Sig-Value} over SHA-256 of the message, with a low S value
   *     (S at most half the group order), as Fabric requires
   */
  byte[] sign(byte[] message);
}
