package org.kpledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.kpledger.canonical.CanonicalJson;

/** The well-formedness rules of {@link SignedEnvelope} members, in one place. */
final class EnvelopeRules {

  static final String COMMAND_TYPE = "commandType";
  static final String COMMAND_ID = "commandId";
  static final String ISSUED_AT = "issuedAt";
  static final String PAYLOAD = "payload";
  static final String SIGNER_CERTIFICATE = "signerCertificate";
  static final String SIGNATURE = "signature";
  static final List<String> MEMBERS =
      List.of(COMMAND_TYPE, COMMAND_ID, ISSUED_AT, PAYLOAD, SIGNER_CERTIFICATE, SIGNATURE);

  static final String ISSUED_AT_RULE =
      "must be an ISO-8601 UTC instant of the form yyyy-MM-ddTHH:mm:ss[.fraction of 1-9 digits]Z";
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,127}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
  private static final Pattern UTC_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final DateTimeFormatter WALL_CLOCK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int WALL_CLOCK_LENGTH = 19;
  private static final int MAX_CERTIFICATE_BYTES = 16 * 1024;
  private static final int MAX_SIGNATURE_BYTES = 72;

  private EnvelopeRules() {}

  static String commandType(String value) {
    return matching(
        COMMAND_TYPE,
        value,
        TYPE,
        "must be 1-128 characters: a letter, then letters, digits, '_', '.', ':' or '-'");
  }

  static String commandId(String value) {
    return matching(
        COMMAND_ID,
        value,
        ID,
        "must be 1-128 characters: a letter or digit, then letters, digits, '_', '.', ':' or '-'");
  }

  /** Checks an issuedAt text and returns the instant it denotes. */
  static Instant issuedAt(String value) {
    if (!UTC_INSTANT.matcher(required(ISSUED_AT, value)).matches()) {
      throw new EnvelopeFormatException(ISSUED_AT, ISSUED_AT_RULE);
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new EnvelopeFormatException(ISSUED_AT, ISSUED_AT_RULE, e);
    }
    if (!WALL_CLOCK.format(instant).equals(value.substring(0, WALL_CLOCK_LENGTH))) {
      throw new EnvelopeFormatException(ISSUED_AT, ISSUED_AT_RULE + " (no leap second, no 24:00)");
    }
    return instant;
  }

  /** Formats an instant the way the ledger's own signer writes issuedAt. */
  static String format(Instant instant) {
    if (instant == null) {
      throw new EnvelopeFormatException(ISSUED_AT, "is required");
    }
    String text = instant.toString();
    issuedAt(text);
    return text;
  }

  /** Checks a payload and returns the tree that its canonical form denotes. */
  static JsonNode payload(JsonNode value) {
    if (value == null || !value.isObject()) {
      throw new EnvelopeFormatException(PAYLOAD, "must be a JSON object");
    }
    try {
      return CanonicalJson.parse(
          new String(CanonicalJson.canonicalize(value), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new EnvelopeFormatException(PAYLOAD, "must be I-JSON: " + e.getMessage(), e);
    }
  }

  static byte[] signerCertificate(String value) {
    return base64(SIGNER_CERTIFICATE, value, MAX_CERTIFICATE_BYTES, "an X.509 certificate in DER");
  }

  static byte[] signature(String value) {
    return base64(SIGNATURE, value, MAX_SIGNATURE_BYTES, "a DER ECDSA P-256 signature");
  }

  /**
   * The bytes of a member that {@link #signerCertificate} or {@link #signature} already accepted
   * (an envelope's constructor checks both): decoded only, not checked again.
   */
  static byte[] decodeChecked(String value) {
    return Base64.getDecoder().decode(value);
  }

  private static byte[] base64(String field, String value, int maxBytes, String what) {
    required(field, value);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new EnvelopeFormatException(field, base64Rule(maxBytes, what), e);
    }
    if (bytes.length == 0
        || bytes.length > maxBytes
        || !Base64.getEncoder().encodeToString(bytes).equals(value)) {
      throw new EnvelopeFormatException(field, base64Rule(maxBytes, what));
    }
    return bytes;
  }

  private static String base64Rule(int maxBytes, String what) {
    return "must be standard padded base64 (RFC 4648 §4) of "
        + what
        + ", at most "
        + maxBytes
        + " bytes";
  }

  private static String matching(String field, String value, Pattern pattern, String rule) {
    if (!pattern.matcher(required(field, value)).matches()) {
      throw new EnvelopeFormatException(field, rule);
    }
    return value;
  }

  private static String required(String field, String value) {
    if (value == null) {
      throw new EnvelopeFormatException(field, "is required");
    }
    return value;
  }
}
