package org.kpledger.anchoring;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ECDSA P-256 with SHA-256 through Bouncy Castle's JCA provider (not registered globally), with
 * Fabric's low-S rule: S must be at most half the group order n, so every signature has exactly one
 * accepted encoding.
 */
final class EcdsaP256 {

  static final String ALGORITHM = "SHA256withECDSA";
  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  /** The order n of the P-256 group (FIPS 186-4 D.1.2.3). */
  private static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  private static final BigInteger HALF_N = N.shiftRight(1);

  private EcdsaP256() {}

  /** Checks that a key is an EC key on P-256 (by its field size and order). */
  static void requireP256(PublicKey key) {
    if (!(key instanceof ECPublicKey ec)
        || ec.getParams().getCurve().getField().getFieldSize() != 256
        || !ec.getParams().getOrder().equals(N)) {
      throw new IllegalArgumentException("the tree head key must be an ECDSA P-256 key");
    }
  }

  /** Rewrites a DER signature with S replaced by n - S when S is above n / 2. */
  static byte[] toLowS(byte[] der) {
    BigInteger[] rs = decode(der);
    if (rs == null) {
      throw new IllegalStateException("the signer produced a malformed ECDSA signature");
    }
    return rs[1].compareTo(HALF_N) > 0 ? encode(rs[0], N.subtract(rs[1])) : der;
  }

  /**
   * Verifies a DER signature, accepting only strict DER with 0 < R < n and 0 < S <= n / 2.
   *
   * @return whether the signature is valid and low-S
   */
  static boolean verify(PublicKey key, byte[] message, byte[] der) {
    BigInteger[] rs = decode(der);
    if (rs == null
        || rs[0].signum() <= 0
        || rs[0].compareTo(N) >= 0
        || rs[1].signum() <= 0
        || rs[1].compareTo(HALF_N) > 0) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM, PROVIDER);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(der);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Returns {R, S}, or null unless {@code der} is exactly the DER of a two-integer sequence. */
  private static BigInteger[] decode(byte[] der) {
    try {
      ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
      if (!(parsed instanceof ASN1Sequence seq)
          || seq.size() != 2
          || !Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), der)) {
        return null;
      }
      return new BigInteger[] {
        ASN1Integer.getInstance(seq.getObjectAt(0)).getValue(),
        ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()
      };
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] encode(BigInteger r, BigInteger s) {
    try {
      return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an ECDSA signature", e);
    }
  }
}
