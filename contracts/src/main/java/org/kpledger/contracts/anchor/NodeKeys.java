package org.kpledger.contracts.anchor;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Ledger-node keys and their signatures: ECDSA over P-256 with SHA-256, strict DER and low-S only,
 * as Hyperledger Fabric requires (a signature whose {@code s} exceeds {@code n/2} is refused even
 * though it is mathematically valid, so that no one can derive a second valid signature).
 */
final class NodeKeys {

  private static final ECParameterSpec P256 = p256();
  private static final BigInteger N = P256.getOrder();
  private static final BigInteger HALF_N = N.shiftRight(1);

  private NodeKeys() {}

  /**
   * Reads a P-256 public key from PEM: a {@code PUBLIC KEY} (SubjectPublicKeyInfo) or a {@code
   * CERTIFICATE} block, whose key is taken.
   */
  static Optional<PublicKey> fromPem(String pem) {
    if (pem == null) {
      return Optional.empty();
    }
    try {
      String text = pem.strip();
      if (text.startsWith("-----BEGIN CERTIFICATE-----")) {
        return p256Only(
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                .getPublicKey());
      }
      String prefix = "-----BEGIN PUBLIC KEY-----";
      String suffix = "-----END PUBLIC KEY-----";
      if (!text.startsWith(prefix) || !text.endsWith(suffix)) {
        return Optional.empty();
      }
      String body = text.substring(prefix.length(), text.length() - suffix.length());
      return fromSpki(Base64.getMimeDecoder().decode(body));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Reads a P-256 public key from its DER SubjectPublicKeyInfo. */
  static Optional<PublicKey> fromSpki(byte[] spki) {
    try {
      return p256Only(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Verifies a strict-DER, low-S ECDSA P-256 SHA-256 signature. Never throws.
   *
   * @return true only if the signature is valid, strictly DER-encoded, with {@code 0 < r < n} and
   *     {@code 0 < s <= n/2}
   */
  static boolean verify(PublicKey key, byte[] message, byte[] der) {
    try {
      // decode() refuses non-canonical DER and r, s outside [1, n-1]
      BigInteger s = StandardDSAEncoding.INSTANCE.decode(N, der)[1];
      if (s.compareTo(HALF_N) > 0) {
        return false;
      }
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(der);
    } catch (Exception e) {
      return false;
    }
  }

  private static Optional<PublicKey> p256Only(PublicKey key) {
    if (key instanceof ECPublicKey ec
        && ec.getParams().getCurve().equals(P256.getCurve())
        && ec.getParams().getGenerator().equals(P256.getGenerator())
        && ec.getParams().getOrder().equals(N)) {
      return Optional.of(key);
    }
    return Optional.empty();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no P-256", e);
    }
  }
}
