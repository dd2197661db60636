package org.kpledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/** Sign/verify round trips of envelopes, and tampering of each signed member. */
class EnvelopeSigningTest {

  private static final KeyPair ALICE = EcdsaP256.generateKeyPair();
  private static final X509Certificate ALICE_CERT = TestCertificates.selfSigned(ALICE, "alice");
  private static final KeyPair MALLORY = EcdsaP256.generateKeyPair();
  private static final X509Certificate MALLORY_CERT =
      TestCertificates.selfSigned(MALLORY, "mallory");
  private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");

  static ObjectNode payload() {
    ObjectNode p = JsonNodeFactory.instance.objectNode().put("parcelId", "P-7").put("carats", 12.5);
    p.putArray("stones").add(1).add(2);
    return p;
  }

  static SignedEnvelope signed() {
    return EnvelopeSigner.sign(
        "RegisterParcel", "c-1", AT, payload(), ALICE_CERT, ALICE.getPrivate());
  }

  static SignedEnvelope with(SignedEnvelope e, String issuedAt, JsonNode payload, String cert) {
    return new SignedEnvelope(
        e.commandType(), e.commandId(), issuedAt, payload, cert, e.signature());
  }

  @Test
  void signedEnvelopeVerifiesAndSurvivesAJsonRoundTrip() {
    SignedEnvelope e = signed();
    assertThat(e.issuedAt()).isEqualTo("2026-11-27T10:15:30Z");
    assertThat(EcdsaP256.isLowS(e.signatureDer())).isTrue();
    assertThat(EnvelopeSignatureVerifier.verify(e, ALICE_CERT)).isTrue();
    SignedEnvelope back = SignedEnvelope.fromJson(e.toJson());
    assertThat(back).isEqualTo(e);
    assertThat(EnvelopeSignatureVerifier.verify(back, ALICE_CERT)).isTrue();
  }

  /** The node hashes the bytes the signature was checked over: exactly the signing input. */
  @Test
  void theVerifiedSigningInputIsTheSigningInputAndOnlyForAValidSignature() {
    SignedEnvelope e = signed();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningInput(e, ALICE_CERT))
        .hasValueSatisfying(input -> assertThat(input).isEqualTo(e.signingInput()));
    SignedEnvelope changed =
        with(e, e.issuedAt(), payload().put("carats", 12.6), e.signerCertificate());
    assertThat(EnvelopeSignatureVerifier.verifiedSigningInput(changed, ALICE_CERT)).isEmpty();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningInput(e, MALLORY_CERT)).isEmpty();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningInput(null, ALICE_CERT)).isEmpty();
  }

  /**
   * The node keeps SHA-256 of the signed bytes as a command's body hash and verifies the signature
   * against that same digest: it is the digest of the signing input, given only when the envelope's
   * own signature holds (not for an altered envelope, another signer's certificate or a high-S
   * twin).
   */
  @Test
  void theVerifiedSigningDigestIsTheSha256OfTheSigningInputAndOnlyForAValidSignature()
      throws Exception {
    SignedEnvelope e = signed();
    byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(e.signingInput());
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(e, ALICE_CERT))
        .hasValueSatisfying(digest -> assertThat(digest).isEqualTo(expected));
    SignedEnvelope changed =
        with(e, e.issuedAt(), payload().put("carats", 12.6), e.signerCertificate());
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(changed, ALICE_CERT)).isEmpty();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(e, MALLORY_CERT)).isEmpty();
    SignedEnvelope forged =
        EnvelopeSigner.sign(
            "RegisterParcel", "c-1", AT, payload(), MALLORY_CERT, MALLORY.getPrivate());
    SignedEnvelope claimed =
        new SignedEnvelope(
            e.commandType(),
            e.commandId(),
            e.issuedAt(),
            e.payload(),
            e.signerCertificate(),
            forged.signature());
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(claimed, ALICE_CERT)).isEmpty();
    BigInteger n = WycheproofEcdsaTest.N;
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, e.signatureDer());
    byte[] high = StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(rs[1]));
    SignedEnvelope twin =
        new SignedEnvelope(
            e.commandType(),
            e.commandId(),
            e.issuedAt(),
            e.payload(),
            e.signerCertificate(),
            Base64.getEncoder().encodeToString(high));
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(twin, ALICE_CERT)).isEmpty();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(null, ALICE_CERT)).isEmpty();
    assertThat(EnvelopeSignatureVerifier.verifiedSigningDigest(e, null)).isEmpty();
  }

  @Test
  void tamperedPayloadIsRejected() {
    SignedEnvelope e = signed();
    ObjectNode changed = payload().put("carats", 12.6);
    assertThat(
            EnvelopeSignatureVerifier.verify(
                with(e, e.issuedAt(), changed, e.signerCertificate()), ALICE_CERT))
        .isFalse();
    String tamperedJson = e.toJson().replace("\"carats\":12.5", "\"carats\":125");
    assertThat(EnvelopeSignatureVerifier.verify(SignedEnvelope.fromJson(tamperedJson), ALICE_CERT))
        .isFalse();
  }

  @Test
  void textualVariantsWithTheSameCanonicalFormStillVerify() {
    SignedEnvelope e = signed();
    String reformatted =
        e.toJson().replace("\"carats\":12.5", "\"carats\" : 1.25E1").replace(",", " ,\n ");
    assertThat(EnvelopeSignatureVerifier.verify(SignedEnvelope.fromJson(reformatted), ALICE_CERT))
        .isTrue();
  }

  @Test
  void everyOtherSignedMemberIsCovered() {
    SignedEnvelope e = signed();
    assertThat(
            EnvelopeSignatureVerifier.verify(
                with(e, "2026-11-27T10:15:31Z", e.payload(), e.signerCertificate()), ALICE_CERT))
        .isFalse();
    assertThat(
            EnvelopeSignatureVerifier.verify(
                with(e, "2026-11-27T10:15:30.000Z", e.payload(), e.signerCertificate()),
                ALICE_CERT))
        .as("same instant, different signed text")
        .isFalse();
    assertThat(
            EnvelopeSignatureVerifier.verify(
                new SignedEnvelope(
                    "VoidParcel",
                    e.commandId(),
                    e.issuedAt(),
                    e.payload(),
                    e.signerCertificate(),
                    e.signature()),
                ALICE_CERT))
        .isFalse();
    assertThat(
            EnvelopeSignatureVerifier.verify(
                new SignedEnvelope(
                    e.commandType(),
                    "c-2",
                    e.issuedAt(),
                    e.payload(),
                    e.signerCertificate(),
                    e.signature()),
                ALICE_CERT))
        .isFalse();
    SignedEnvelope swapped = with(e, e.issuedAt(), e.payload(), b64(MALLORY_CERT));
    assertThat(EnvelopeSignatureVerifier.verify(swapped, MALLORY_CERT)).isFalse();
    assertThat(EnvelopeSignatureVerifier.verify(e, MALLORY_CERT))
        .as("cert is not the embedded one")
        .isFalse();
  }

  @Test
  void highSTwinOfTheSignatureIsRejected() throws Exception {
    SignedEnvelope e = signed();
    BigInteger n = WycheproofEcdsaTest.N;
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, e.signatureDer());
    byte[] high = StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(rs[1]));
    SignedEnvelope twin =
        new SignedEnvelope(
            e.commandType(),
            e.commandId(),
            e.issuedAt(),
            e.payload(),
            e.signerCertificate(),
            Base64.getEncoder().encodeToString(high));
    assertThat(EnvelopeSignatureVerifier.verify(twin, ALICE_CERT)).isFalse();
  }

  @Test
  void aClientThatWritesMillisecondsInteroperates() {
    String cert = b64(ALICE_CERT);
    byte[] input =
        SignedEnvelope.signingInput(
            "RegisterParcel", "c-9", "2026-11-27T10:15:30.000Z", payload(), cert);
    String sig = Base64.getEncoder().encodeToString(EcdsaP256.sign(ALICE.getPrivate(), input));
    SignedEnvelope e =
        new SignedEnvelope(
            "RegisterParcel", "c-9", "2026-11-27T10:15:30.000Z", payload(), cert, sig);
    assertThat(EnvelopeSignatureVerifier.verify(SignedEnvelope.fromJson(e.toJson()), ALICE_CERT))
        .isTrue();
  }

  @Test
  void signerRefusesAKeyThatDoesNotMatchTheCertificate() {
    assertThatThrownBy(
            () ->
                EnvelopeSigner.sign(
                    "RegisterParcel", "c-1", AT, payload(), ALICE_CERT, MALLORY.getPrivate()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                EnvelopeSigner.sign(
                    "bad type", "c-1", AT, payload(), ALICE_CERT, ALICE.getPrivate()))
        .isInstanceOf(EnvelopeFormatException.class);
    assertThat(EnvelopeSignatureVerifier.verify(null, ALICE_CERT)).isFalse();
    assertThat(EnvelopeSignatureVerifier.verify(signed(), null)).isFalse();
  }

  static String b64(X509Certificate cert) {
    try {
      return Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
