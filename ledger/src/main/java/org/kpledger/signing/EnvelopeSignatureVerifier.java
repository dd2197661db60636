package org.kpledger.signing;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Checks an envelope's signature. Identity (who the certificate belongs to, whether it is trusted,
 * expired or revoked) is not decided here: see {@code
 * org.kpledger.identity.CertificateAuthenticator}.
 */
public final class EnvelopeSignatureVerifier {

  private EnvelopeSignatureVerifier() {}

  /**
   * Verifies that {@code cert} is the certificate embedded in the envelope and that the envelope's
   * signature is a valid, strict-DER, low-S ECDSA P-256 signature by its key over {@link
   * SignedEnvelope#signingInput()}. Never throws.
   *
   * @param e the envelope
   * @param cert the signer certificate, normally the one parsed from {@code e.signerCertificate()}
   * @return true only if all of the above hold
   */
  public static boolean verify(SignedEnvelope e, X509Certificate cert) {
    return verifiedSigningInput(e, cert).isPresent();
  }

  /**
   * The same check as {@link #verify(SignedEnvelope, X509Certificate)}, returning the signing input
   * it verified the signature over, so that a caller who also needs those bytes (the node hashes
   * them for its receipts) canonicalizes the envelope once. Never throws.
   *
   * @param e the envelope
   * @param cert the signer certificate, normally the one parsed from {@code e.signerCertificate()}
   * @return {@link SignedEnvelope#signingInput()} if the signature holds, empty otherwise
   */
  public static Optional<byte[]> verifiedSigningInput(SignedEnvelope e, X509Certificate cert) {
    if (e == null || cert == null) {
      return Optional.empty();
    }
    try {
      if (!MessageDigest.isEqual(cert.getEncoded(), e.signerCertificateDer())) {
        return Optional.empty();
      }
      byte[] input = e.signingInput();
      return EcdsaP256.verify(cert.getPublicKey(), input, e.signatureDer())
          ? Optional.of(input)
          : Optional.empty();
    } catch (CertificateEncodingException | RuntimeException ex) {
      return Optional.empty();
    }
  }

  /**
   * The same check as {@link #verify(SignedEnvelope, X509Certificate)}, returning the SHA-256
   * digest of the signing input that the signature was verified against: for a caller who keeps
   * that digest (the node's receipts hold it as the command's body hash), so the envelope is
   * canonicalized and hashed once. Never throws.
   *
   * @param e the envelope
   * @param cert the signer certificate, normally the one parsed from {@code e.signerCertificate()}
   * @return SHA-256 of {@link SignedEnvelope#signingInput()} if the signature holds, else empty
   */
  public static Optional<byte[]> verifiedSigningDigest(SignedEnvelope e, X509Certificate cert) {
    if (e == null || cert == null) {
      return Optional.empty();
    }
    try {
      if (!MessageDigest.isEqual(cert.getEncoded(), e.signerCertificateDer())) {
        return Optional.empty();
      }
      byte[] digest = EcdsaP256.sha256(e.signingInput());
      return EcdsaP256.verifyDigest(cert.getPublicKey(), digest, e.signatureDer())
          ? Optional.of(digest)
          : Optional.empty();
    } catch (CertificateEncodingException | RuntimeException ex) {
      return Optional.empty();
    }
  }
}
