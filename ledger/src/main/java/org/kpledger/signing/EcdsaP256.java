package org.kpledger.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * ECDSA over NIST P-256 with SHA-256, always low-S, on Bouncy Castle's low-level engine with its
 * optimised secp256r1 field arithmetic. Accepts any JCA {@link ECPublicKey} / {@link ECPrivateKey}
 * (SunEC or Bouncy Castle) whose domain parameters are P-256. Stateless and thread-safe.
 */
public final class EcdsaP256 {

  private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());
  private static final BigInteger N = X9.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final int P1363_LENGTH = 64;
  private static final int SHA256_LENGTH = 32;

  /** An unused SHA-256 digest, cloned for each message (cheaper than a provider lookup). */
  private static final MessageDigest SHA256 = newSha256();

  /** P-256's field prime, curve coefficients and generator as JCA spells them, made once. */
  private static final BigInteger P = X9.getCurve().getField().getCharacteristic();

  private static final BigInteger A = X9.getCurve().getA().toBigInteger();
  private static final BigInteger B = X9.getCurve().getB().toBigInteger();
  private static final BigInteger GX = DOMAIN.getG().getAffineXCoord().toBigInteger();
  private static final BigInteger GY = DOMAIN.getG().getAffineYCoord().toBigInteger();

  /**
   * Validated public points, reused so that a key that verifies many signatures (an actor's, in an
   * audit) is validated once and Bouncy Castle keeps its wNAF precomputation on the point. Keyed by
   * the affine point, so equal keys from any provider share an entry; cleared when full.
   */
  private static final int VALIDATED_KEYS = 4096;

  private static final Map<java.security.spec.ECPoint, ECPublicKeyParameters> VALIDATED =
      new ConcurrentHashMap<>();

  private EcdsaP256() {}

  /**
   * Signs SHA-256(message) with an RFC 6979 deterministic nonce and returns a low-S DER signature.
   *
   * @param key a P-256 private key
   * @param message the bytes to sign (hashed here)
   * @return DER {@code SEQUENCE { INTEGER r, INTEGER s }} with {@code s <= n/2}
   * @throws IllegalArgumentException if the key is not a P-256 EC private key
   */
  public static byte[] sign(PrivateKey key, byte[] message) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, privateParameters(key));
    BigInteger[] rs = signer.generateSignature(sha256(message));
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    try {
      return StandardDSAEncoding.INSTANCE.encode(N, rs[0], s);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
    }
  }

  /**
   * Verifies a strict-DER, low-S signature. Never throws: any malformed input (wrong key type, BER
   * or trailing bytes, r or s out of range, high-S, nulls) yields {@code false}.
   *
   * @param key a P-256 public key
   * @param message the signed bytes
   * @param derSignature DER {@code ECDSA-Sig-Value}
   * @return true only if the signature is valid, strictly DER-encoded and low-S
   */
  public static boolean verify(PublicKey key, byte[] message, byte[] derSignature) {
    if (message == null) {
      return false;
    }
    return verifyDigest(key, sha256(message), derSignature);
  }

  /**
   * Verifies a strict-DER, low-S signature over a message of which the caller already holds the
   * SHA-256 digest, under the same rules as {@link #verify(PublicKey, byte[], byte[])}: for a
   * caller that needs the digest itself too (the node keeps it as a command's body hash), so the
   * message is hashed once.
   *
   * @param key a P-256 public key
   * @param sha256 SHA-256 of the signed bytes, 32 bytes
   * @param derSignature DER {@code ECDSA-Sig-Value}
   * @return true only if the signature is valid, strictly DER-encoded and low-S; never throws
   */
  public static boolean verifyDigest(PublicKey key, byte[] sha256, byte[] derSignature) {
    if (derSignature == null || sha256 == null || sha256.length != SHA256_LENGTH) {
      return false;
    }
    try {
      BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, derSignature);
      return verifyHash(key, sha256, rs[0], rs[1]);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Verifies an IEEE P1363 signature (32-byte big-endian r followed by 32-byte s) under the same
   * rules as {@link #verify(PublicKey, byte[], byte[])}, including the low-S requirement.
   *
   * @param key a P-256 public key
   * @param message the signed bytes
   * @param p1363Signature exactly 64 bytes, r || s
   * @return true only if the signature is valid and low-S; never throws
   */
  public static boolean verifyP1363(PublicKey key, byte[] message, byte[] p1363Signature) {
    if (p1363Signature == null || p1363Signature.length != P1363_LENGTH) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(p1363Signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(p1363Signature, 32, 64));
    try {
      return verify(key, message, r, s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Tells whether a strict-DER signature has {@code 0 < s <= n/2}.
   *
   * @param der DER {@code ECDSA-Sig-Value}
   * @return false for high-S and for anything that is not a strict-DER P-256 signature
   */
  public static boolean isLowS(byte[] der) {
    try {
      BigInteger s = StandardDSAEncoding.INSTANCE.decode(N, der)[1];
      return s.signum() > 0 && s.compareTo(HALF_N) <= 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Generates a fresh P-256 key pair from the platform's strong random source.
   *
   * @return a key pair of JCA EC keys on secp256r1
   */
  public static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate P-256 keys", e);
    }
  }

  /**
   * Tells whether a key is a JCA EC key on the P-256 curve.
   *
   * @param key any key, or null
   * @return true for an {@link ECKey} with secp256r1 domain parameters
   */
  public static boolean isP256(Key key) {
    return key instanceof ECKey ec && isP256(ec.getParams());
  }

  /**
   * Tells whether a private key belongs to a public key ({@code Q == d·G}).
   *
   * @param publicKey a P-256 public key
   * @param privateKey a P-256 private key
   * @return true if both are P-256 keys and form a pair
   */
  public static boolean isKeyPair(PublicKey publicKey, PrivateKey privateKey) {
    try {
      ECPoint q =
          new FixedPointCombMultiplier()
              .multiply(DOMAIN.getG(), privateParameters(privateKey).getD());
      return q.normalize().equals(publicParameters(publicKey).getQ());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean verify(PublicKey key, byte[] message, BigInteger r, BigInteger s) {
    return message != null && verifyHash(key, sha256(message), r, s);
  }

  private static boolean verifyHash(PublicKey key, byte[] hash, BigInteger r, BigInteger s) {
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(HALF_N) > 0) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, publicParameters(key));
    return verifier.verifySignature(hash, r, s);
  }

  private static ECPublicKeyParameters publicParameters(PublicKey key) {
    if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
      throw new IllegalArgumentException("not a P-256 EC public key");
    }
    java.security.spec.ECPoint w = ec.getW();
    ECPublicKeyParameters known = VALIDATED.get(w);
    if (known != null) {
      return known;
    }
    ECPoint q = DOMAIN.getCurve().validatePoint(w.getAffineX(), w.getAffineY());
    ECPublicKeyParameters parameters = new ECPublicKeyParameters(q, DOMAIN);
    if (VALIDATED.size() >= VALIDATED_KEYS) {
      VALIDATED.clear();
    }
    VALIDATED.put(w, parameters);
    return parameters;
  }

  private static ECPrivateKeyParameters privateParameters(PrivateKey key) {
    if (!(key instanceof ECPrivateKey ec) || !isP256(ec.getParams())) {
      throw new IllegalArgumentException("not a P-256 EC private key");
    }
    BigInteger d = ec.getS();
    if (d.signum() <= 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("P-256 private scalar out of range");
    }
    return new ECPrivateKeyParameters(d, DOMAIN);
  }

  private static boolean isP256(ECParameterSpec spec) {
    return spec != null
        && spec.getCofactor() == 1
        && N.equals(spec.getOrder())
        && spec.getCurve().getField() instanceof ECFieldFp field
        && field.getP().equals(P)
        && spec.getCurve().getA().equals(A)
        && spec.getCurve().getB().equals(B)
        && spec.getGenerator().getAffineX().equals(GX)
        && spec.getGenerator().getAffineY().equals(GY);
  }

  /**
   * SHA-256 of {@code message}, the digest ECDSA signs here. The JDK's own SHA-256 (its provider
   * chosen once, normally SUN), whose compiled code uses the processor's SHA instructions where it
   * has them: about 0.7 us for an envelope's 1.3 KB against 5.4 us for Bouncy Castle's Java digest
   * on the development VM. Same function, same bytes.
   */
  static byte[] sha256(byte[] message) {
    try {
      return ((MessageDigest) SHA256.clone()).digest(message);
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-256", SHA256.getProvider()).digest(message);
      } catch (GeneralSecurityException missing) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", missing);
      }
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
