package org.kpledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import org.kpledger.canonical.CanonicalJson;

/**
 * A command to the ledger, signed by an actor. Every instance is well formed: the constructor
 * applies the same rules as {@link #fromJson(String)} and throws {@link EnvelopeFormatException}.
 *
 * <p>{@code issuedAt} is kept as the exact text the client signed (an ISO-8601 UTC instant such as
 * {@code 2026-11-27T10:15:30Z} or {@code 2026-11-27T10:15:30.000Z}), since re-formatting an {@link
 * Instant} could change the signed bytes; {@link #issuedAtInstant()} gives its value. {@code
 * payload} is held as the tree its RFC 8785 form denotes, so what the ledger reads is exactly what
 * was signed, and is copied on the way out.
 *
 * @param commandType the command's type, e.g. {@code RegisterParcel}
 * @param commandId the client-chosen unique id of the command
 * @param issuedAt the issue time, ISO-8601 UTC text exactly as signed
 * @param payload the command's JSON object
 * @param signerCertificate the signer's X.509 certificate, standard base64 of its DER
 * @param signature the ECDSA P-256 low-S signature over {@link #signingInput()}, base64 of its DER
 */
public record SignedEnvelope(
    String commandType,
    String commandId,
    String issuedAt,
    JsonNode payload,
    String signerCertificate,
    String signature) {

  /**
   * Validates every member; see the class comment for the rules.
   *
   * @param commandType 1-128 characters: a letter, then letters, digits, {@code _ . : -}
   * @param commandId 1-128 characters: a letter or digit, then letters, digits, {@code _ . : -}
   * @param issuedAt {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, a real UTC instant
   * @param payload a JSON object that is I-JSON
   * @param signerCertificate canonical standard base64 of at most 16 KiB
   * @param signature canonical standard base64 of at most 72 bytes
   * @throws EnvelopeFormatException naming the first member that breaks its rule
   */
  public SignedEnvelope {
    checkUnsigned(commandType, commandId, issuedAt, signerCertificate);
    payload = EnvelopeRules.payload(payload);
    EnvelopeRules.signature(signature);
  }

  /**
   * Creates an envelope whose {@code issuedAt} text is {@link Instant#toString()} of the instant.
   *
   * @param commandType the command's type
   * @param commandId the command's id
   * @param issuedAt the issue time
   * @param payload the command's JSON object
   * @param signerCertificate base64 DER of the signer's certificate
   * @param signature base64 DER of the signature
   */
  public SignedEnvelope(
      String commandType,
      String commandId,
      Instant issuedAt,
      JsonNode payload,
      String signerCertificate,
      String signature) {
    this(
        commandType,
        commandId,
        EnvelopeRules.format(issuedAt),
        payload,
        signerCertificate,
        signature);
  }

  /**
   * The payload, as a copy that the caller may modify freely.
   *
   * @return a deep copy of the payload object
   */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /**
   * The value of {@link #issuedAt()}.
   *
   * @return the issue time
   */
  public Instant issuedAtInstant() {
    return Instant.parse(issuedAt);
  }

  /**
   * The DER bytes of the signer's certificate.
   *
   * @return a fresh array
   */
  public byte[] signerCertificateDer() {
    return EnvelopeRules.decodeChecked(signerCertificate);
  }

  /**
   * The DER bytes of the signature.
   *
   * @return a fresh array
   */
  public byte[] signatureDer() {
    return EnvelopeRules.decodeChecked(signature);
  }

  /**
   * The bytes that are signed: the RFC 8785 canonical form of the JSON object holding {@code
   * commandType}, {@code commandId}, {@code issuedAt} (as a string), {@code payload} and {@code
   * signerCertificate}, i.e. every member except {@code signature}.
   *
   * @return canonical UTF-8 JSON
   */
  public byte[] signingInput() {
    return signingInput(commandType, commandId, issuedAt, payload, signerCertificate);
  }

  /**
   * The envelope as JSON, in RFC 8785 canonical form (so equal envelopes give equal text).
   *
   * @return the six members as a canonical JSON object
   */
  public String toJson() {
    ObjectNode json = unsigned(commandType, commandId, issuedAt, payload, signerCertificate);
    json.put(EnvelopeRules.SIGNATURE, signature);
    return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
  }

  /**
   * Reads an envelope from JSON: exactly the six members, each well formed.
   *
   * @param json the envelope text
   * @return the envelope
   * @throws EnvelopeFormatException naming the member and rule: invalid JSON or a non-object
   *     document (field {@code $}), an unknown member, a missing member, a wrong type or value
   */
  public static SignedEnvelope fromJson(String json) {
    JsonNode root;
    try {
      root = CanonicalJson.parse(json == null ? "" : json);
    } catch (IllegalArgumentException e) {
      throw new EnvelopeFormatException(
          EnvelopeFormatException.DOCUMENT,
          "must be a valid I-JSON document: " + e.getMessage(),
          e);
    }
    if (!root.isObject()) {
      throw new EnvelopeFormatException(EnvelopeFormatException.DOCUMENT, "must be a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!EnvelopeRules.MEMBERS.contains(name)) {
        throw new EnvelopeFormatException(
            name, "is not an envelope member; allowed: " + EnvelopeRules.MEMBERS);
      }
    }
    return new SignedEnvelope(
        text(root, EnvelopeRules.COMMAND_TYPE),
        text(root, EnvelopeRules.COMMAND_ID),
        text(root, EnvelopeRules.ISSUED_AT),
        member(root, EnvelopeRules.PAYLOAD),
        text(root, EnvelopeRules.SIGNER_CERTIFICATE),
        text(root, EnvelopeRules.SIGNATURE));
  }

  static void checkUnsigned(
      String commandType, String commandId, String issuedAt, String signerCertificate) {
    EnvelopeRules.commandType(commandType);
    EnvelopeRules.commandId(commandId);
    EnvelopeRules.issuedAt(issuedAt);
    EnvelopeRules.signerCertificate(signerCertificate);
  }

  static byte[] signingInput(
      String commandType,
      String commandId,
      String issuedAt,
      JsonNode payload,
      String signerCertificate) {
    return CanonicalJson.canonicalize(
        unsigned(commandType, commandId, issuedAt, payload, signerCertificate));
  }

  private static ObjectNode unsigned(
      String commandType,
      String commandId,
      String issuedAt,
      JsonNode payload,
      String signerCertificate) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put(EnvelopeRules.COMMAND_TYPE, commandType);
    json.put(EnvelopeRules.COMMAND_ID, commandId);
    json.put(EnvelopeRules.ISSUED_AT, issuedAt);
    json.set(EnvelopeRules.PAYLOAD, payload);
    json.put(EnvelopeRules.SIGNER_CERTIFICATE, signerCertificate);
    return json;
  }

  private static JsonNode member(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value == null) {
      throw new EnvelopeFormatException(name, "is required");
    }
    return value;
  }

  private static String text(JsonNode root, String name) {
    JsonNode value = member(root, name);
    if (!value.isTextual()) {
      throw new EnvelopeFormatException(name, "must be a JSON string");
    }
    return value.textValue();
  }
}
