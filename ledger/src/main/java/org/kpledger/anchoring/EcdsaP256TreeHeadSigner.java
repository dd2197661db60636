package org.kpledger.anchoring;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

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
    EcdsaP256.requireP256(publicKey);
    byte[] probe = {'k', 'p'};
    if (!EcdsaP256.verify(publicKey, probe, sign(probe))) {
      throw new IllegalArgumentException("the private key does not match the public key");
    }
  }

  /**
   * Makes a signer with a fresh random key, for development and tests; a real node loads its key.
   *
   * @return a new signer
   */
  public static EcdsaP256TreeHeadSigner withNewKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", EcdsaP256.PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new EcdsaP256TreeHeadSigner(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  /** {@inheritDoc} */
  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  /** {@inheritDoc} */
  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance(EcdsaP256.ALGORITHM, EcdsaP256.PROVIDER);
      signer.initSign(privateKey);
      signer.update(message);
      return EcdsaP256.toLowS(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a tree head", e);
    }
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
