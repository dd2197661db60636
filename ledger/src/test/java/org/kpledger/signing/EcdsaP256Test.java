package org.kpledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

class EcdsaP256Test {

  private static final BigInteger N = WycheproofEcdsaTest.N;
  private static final KeyPair KEYS = EcdsaP256.generateKeyPair();

  @Test
  void signAlwaysYieldsLowSAndVerifies() {
    SplittableRandom random = new SplittableRandom(6979);
    for (int i = 0; i < 500; i++) {
      byte[] message = new byte[random.nextInt(0, 200)];
      random.nextBytes(message);
      byte[] sig = EcdsaP256.sign(KEYS.getPrivate(), message);
      assertThat(EcdsaP256.isLowS(sig)).as("signature %d", i).isTrue();
      assertThat(EcdsaP256.verify(KEYS.getPublic(), message, sig)).isTrue();
    }
  }

  /**
   * Verifying against a digest the caller computed is the same check as verifying the message: it
   * holds for the message's SHA-256 only, and a digest that is not 32 bytes is refused.
   */
  @Test
  void verifyingADigestIsVerifyingItsMessage() throws Exception {
    byte[] m = "kimberley".getBytes(StandardCharsets.UTF_8);
    byte[] sig = EcdsaP256.sign(KEYS.getPrivate(), m);
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(m);
    assertThat(EcdsaP256.verifyDigest(KEYS.getPublic(), digest, sig)).isTrue();
    byte[] other = digest.clone();
    other[0] ^= 1;
    assertThat(EcdsaP256.verifyDigest(KEYS.getPublic(), other, sig)).isFalse();
    assertThat(EcdsaP256.verifyDigest(KEYS.getPublic(), m, sig)).isFalse();
    assertThat(EcdsaP256.verifyDigest(KEYS.getPublic(), java.util.Arrays.copyOf(digest, 31), sig))
        .isFalse();
    assertThat(EcdsaP256.verifyDigest(KEYS.getPublic(), null, sig)).isFalse();
    assertThat(EcdsaP256.verifyDigest(EcdsaP256.generateKeyPair().getPublic(), digest, sig))
        .isFalse();
  }

  @Test
  void signingIsDeterministicPerRfc6979() {
    byte[] m = "kimberley".getBytes(StandardCharsets.UTF_8);
    assertThat(EcdsaP256.sign(KEYS.getPrivate(), m))
        .isEqualTo(EcdsaP256.sign(KEYS.getPrivate(), m));
  }

  @Test
  void rejectsTheHighSTwinOfAValidSignature() throws Exception {
    byte[] m = "parcel".getBytes(StandardCharsets.UTF_8);
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, EcdsaP256.sign(KEYS.getPrivate(), m));
    byte[] high = StandardDSAEncoding.INSTANCE.encode(N, rs[0], N.subtract(rs[1]));
    assertThat(EcdsaP256.isLowS(high)).isFalse();
    assertThat(EcdsaP256.verify(KEYS.getPublic(), m, high)).isFalse();
    Signature jdk = Signature.getInstance("SHA256withECDSA");
    jdk.initVerify(KEYS.getPublic());
    jdk.update(m);
    assertThat(jdk.verify(high)).as("plain ECDSA would accept it").isTrue();
  }

  @Test
  void interoperatesWithJdkSignaturesOnceNormalisedToLowS() throws Exception {
    byte[] m = "export".getBytes(StandardCharsets.UTF_8);
    Signature jdk = Signature.getInstance("SHA256withECDSA");
    jdk.initSign(KEYS.getPrivate());
    jdk.update(m);
    byte[] sig = jdk.sign();
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, sig);
    byte[] low = StandardDSAEncoding.INSTANCE.encode(N, rs[0], rs[1].min(N.subtract(rs[1])));
    assertThat(EcdsaP256.verify(KEYS.getPublic(), m, low)).isTrue();
    jdk.initVerify(KEYS.getPublic());
    jdk.update(m);
    assertThat(jdk.verify(EcdsaP256.sign(KEYS.getPrivate(), m))).as("JDK accepts ours").isTrue();
  }

  @Test
  void malformedInputNeverThrowsAndIsRejected() throws Exception {
    byte[] m = "m".getBytes(StandardCharsets.UTF_8);
    byte[] good = EcdsaP256.sign(KEYS.getPrivate(), m);
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    KeyPairGenerator other = KeyPairGenerator.getInstance("EC");
    other.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair p384 = other.generateKeyPair();
    byte[][] malformed = {
      null,
      new byte[0],
      new byte[] {0x30},
      new byte[] {0x30, 0x00},
      trailing,
      HexFormat.of().parseHex("3006020100020100"),
      HexFormat.of().parseHex("30060201010201ff"),
      HexFormat.of().parseHex("300702020001020101"),
      new byte[64]
    };
    for (byte[] sig : malformed) {
      assertThat(EcdsaP256.verify(KEYS.getPublic(), m, sig)).isFalse();
      assertThat(EcdsaP256.isLowS(sig)).isFalse();
    }
    assertThat(EcdsaP256.verify(KEYS.getPublic(), m, HexFormat.of().parseHex("3006020101020101")))
        .isFalse();
    assertThat(EcdsaP256.verify(null, m, good)).isFalse();
    assertThat(EcdsaP256.verify(KEYS.getPublic(), null, good)).isFalse();
    assertThat(EcdsaP256.verify(p384.getPublic(), m, good)).isFalse();
    assertThat(EcdsaP256.verifyP1363(KEYS.getPublic(), m, new byte[63])).isFalse();
    assertThat(EcdsaP256.verifyP1363(KEYS.getPublic(), m, null)).isFalse();
    assertThat(EcdsaP256.verify(EcdsaP256.generateKeyPair().getPublic(), m, good)).isFalse();
    assertThatThrownBy(() -> EcdsaP256.sign(p384.getPrivate(), m))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recognisesP256KeysAndPairs() throws Exception {
    KeyPairGenerator other = KeyPairGenerator.getInstance("EC");
    other.initialize(new ECGenParameterSpec("secp384r1"));
    assertThat(EcdsaP256.isP256(KEYS.getPublic())).isTrue();
    assertThat(EcdsaP256.isP256(other.generateKeyPair().getPublic())).isFalse();
    assertThat(EcdsaP256.isKeyPair(KEYS.getPublic(), KEYS.getPrivate())).isTrue();
    assertThat(EcdsaP256.isKeyPair(EcdsaP256.generateKeyPair().getPublic(), KEYS.getPrivate()))
        .isFalse();
  }
}
