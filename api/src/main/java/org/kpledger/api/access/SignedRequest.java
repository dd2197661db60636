package org.kpledger.api.access;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kpledger.signing.EcdsaP256;

/**
 * The signed-request scheme for reads. A client proves its identity on every query with three
 * headers: {@value #CERTIFICATE} (standard base64 of its DER actor certificate), {@value #DATE} (an
 * ISO-8601 instant within the same window as a command's issuedAt) and {@value #SIGNATURE} (base64
 * DER ECDSA P-256, SHA-256, low-S as in Fabric) over the UTF-8 bytes of
 *
 * <pre>
 * KP-READ-1 LF METHOD LF request-target LF KP-Date
 * </pre>
 *
 * where {@code request-target} is the path and query exactly as sent ({@code /api/x?a=1}, no
 * decoding). Reads carry no body; a signed request with a body is refused.
 */
public final class SignedRequest {
  /** Header with the base64 DER actor certificate. */
  public static final String CERTIFICATE = "KP-Certificate";

  /** Header with the ISO-8601 instant the request was signed. */
  public static final String DATE = "KP-Date";

  /** Header with the base64 DER low-S signature. */
  public static final String SIGNATURE = "KP-Signature";

  /** Tag of this version of the canonical string. */
  public static final String VERSION = "KP-READ-1";

  private SignedRequest() {}

  /** The bytes that are signed. */
  public static byte[] canonical(String method, String requestTarget, String date) {
    return String.join("\n", VERSION, method, requestTarget, date).getBytes(StandardCharsets.UTF_8);
  }

  /** The three headers signing {@code method requestTarget} at {@code at} (client side, tests). */
  public static Map<String, String> headers(
      String method, String requestTarget, Instant at, X509Certificate cert, PrivateKey key) {
    String date = at.toString();
    byte[] signature = EcdsaP256.sign(key, canonical(method, requestTarget, date));
    Map<String, String> h = new LinkedHashMap<>();
    try {
      h.put(CERTIFICATE, Base64.getEncoder().encodeToString(cert.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    }
    h.put(DATE, date);
    h.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
    return h;
  }
}
