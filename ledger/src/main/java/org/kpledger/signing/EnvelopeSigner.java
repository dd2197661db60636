package org.kpledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds and signs {@link SignedEnvelope}s (the client side of the protocol; also used in tests).
 */
public final class EnvelopeSigner {

  private EnvelopeSigner() {}

  /**
   * Signs a command. {@code issuedAt} is written as {@link Instant#toString()}.
   *
   * @param commandType the command's type
   * @param commandId the command's unique id
   * @param issuedAt the issue time
   * @param payload the command's JSON object
   * @param cert the signer's certificate, embedded in the envelope
   * @param key the private key matching {@code cert}'s P-256 public key
   * @return the signed envelope
   * @throws EnvelopeFormatException if a member breaks the envelope rules
   * @throws IllegalArgumentException if the key is not P-256 or does not match the certificate
   */
  public static SignedEnvelope sign(
      String commandType,
      String commandId,
      Instant issuedAt,
      JsonNode payload,
      X509Certificate cert,
      PrivateKey key) {
    if (cert == null || !EcdsaP256.isKeyPair(cert.getPublicKey(), key)) {
      throw new IllegalArgumentException(
          "the private key is not the P-256 key of the signer certificate");
    }
    String certificate;
    try {
      certificate = Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the signer certificate cannot be encoded", e);
    }
    String issued = EnvelopeRules.format(issuedAt);
    SignedEnvelope.checkUnsigned(commandType, commandId, issued, certificate);
    JsonNode body = EnvelopeRules.payload(payload);
    byte[] input = SignedEnvelope.signingInput(commandType, commandId, issued, body, certificate);
    String signature = Base64.getEncoder().encodeToString(EcdsaP256.sign(key, input));
    return new SignedEnvelope(commandType, commandId, issued, body, certificate, signature);
  }
}
