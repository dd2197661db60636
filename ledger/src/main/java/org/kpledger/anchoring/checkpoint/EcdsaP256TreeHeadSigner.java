package org.kpledger.anchoring.checkpoint;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.kpledger.signing.EcdsaP256;

/**
 * A {@link TreeHeadSigner} holding an ECDSA P-256 private key in memory, signing through Bouncy
 * Castle's JCA provider and normalising every signature to low S. The private key cannot be read
 * back from it. Thread-safe.
 */
public final class EcdsaP256TreeHeadSigner implements TreeHeadSigner {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  /**
   * Uses a key pair, after checking that it is P-256 and that the halves belong together.
   *
   * @param keyPair the ledger node's tree head key pair
   * @throws IllegalArgumentException if the key is not P-256 or the halves do not match
   */
  public EcdsaP256TreeHeadSigner(KeyPair keyPair) {
    this.privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key");
    this.publicKey = Objects.requireNonNull(keyPair.getPublic(), "public key");
    if (!EcdsaP256.isP256(publicKey)) {
      throw new IllegalArgumentException("the tree head key must be ECDSA P-256");
    }
    if (!EcdsaP256.isKeyPair(publicKey, privateKey)) {
      throw new IllegalArgumentException("the private key does not match the public key");
    }
  }

  /**
   * Makes a signer with a fresh random key, for development and tests; a real node loads its key.
   *
   * @return a new signer
   */
  public static EcdsaP256TreeHeadSigner withNewKey() {
    return new EcdsaP256TreeHeadSigner(EcdsaP256.generateKeyPair());
  }

  /** {@inheritDoc} */
  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  /** {@inheritDoc} */
  @Override
  public byte[] sign(byte[] message) {
    return EcdsaP256.sign(privateKey, message);
  }

  /**
   * Names the algorithm, never the key.
   *
   * @return a description without key material
   */
  @Override
  public String toString() {
    return "EcdsaP256TreeHeadSigner[P-256, SHA-256, low-S]";
  }
}
