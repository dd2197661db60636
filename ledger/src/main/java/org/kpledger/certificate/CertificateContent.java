package org.kpledger.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.kpledger.canonical.CanonicalJson;

/**
 * The content of a KP certificate that the channel's certificate registry pins by hash: the one
 * definition shared by the node that registers a certificate and the importing authority that
 * confirms what it received.
 *
 * <p>The content is a JSON object of exactly these members, every one present, the Annex I fields
 * as the certificate was issued ({@link CertificateIssuedEvent}; endorsements made later are not
 * part of it, the registry holding the certificate as issued):
 *
 * <pre>
 * format             "kp-ledger/certificate-content/v1"
 * certificateNumber  string, e.g. "CF000117"
 * shipmentId         string, the ledger's shipment id
 * issuingAuthority   string, the issuing KP authority's organisation id
 * countryOfOrigin    string, ISO 3166-1 alpha-2
 * issuedOn           string, ISO-8601 date
 * expiresOn          string, ISO-8601 date
 * exporter           string
 * importerName       string
 * importerCountry    string, ISO 3166-1 alpha-2: the destination country on the channel
 * carats             string, plain decimal, at least two fraction digits ("12.40")
 * valueUsd           string, plain decimal, at least two fraction digits ("1860.00")
 * parcelCount        number, an integer
 * hsCode             string, e.g. "7102.31"
 * </pre>
 *
 * <p>Decimals are strings so that no reader's floating point changes them. The bytes hashed are the
 * RFC 8785 (JCS) canonical form of that object, UTF-8; the content hash is the lower-case hex
 * SHA-256 of those bytes. A receiver may hold the object in any JSON form (member order,
 * whitespace): {@link #hashOf(String)} canonicalizes it first.
 *
 * @param json the content object
 */
public record CertificateContent(ObjectNode json) {

  /** The value of the {@code format} member. */
  public static final String FORMAT = "kp-ledger/certificate-content/v1";

  /**
   * Validates the object.
   *
   * @throws IllegalArgumentException if it is not of {@link #FORMAT}
   */
  public CertificateContent {
    Objects.requireNonNull(json, "json");
    JsonNode format = json.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new IllegalArgumentException("certificate content must have format " + FORMAT);
    }
  }

  /**
   * The content of a certificate as issued.
   *
   * @param e the issue event
   * @return its content
   */
  public static CertificateContent of(CertificateIssuedEvent e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("certificateNumber", e.certificateNumber());
    o.put("shipmentId", e.shipmentId());
    o.put("issuingAuthority", e.issuingAuthority());
    o.put("countryOfOrigin", e.countryOfOrigin());
    o.put("issuedOn", e.issuedOn().toString());
    o.put("expiresOn", e.expiresOn().toString());
    o.put("exporter", e.exporter());
    o.put("importerName", e.importerName());
    o.put("importerCountry", e.importerCountry());
    o.put("carats", decimal(e.carats()));
    o.put("valueUsd", decimal(e.valueUsd()));
    o.put("parcelCount", e.parcelCount());
    o.put("hsCode", e.hsCode());
    return new CertificateContent(o);
  }

  /**
   * Reads content received as JSON text.
   *
   * @param json the JSON text, in any form
   * @return the content
   * @throws IllegalArgumentException if it is not JSON (I-JSON), not an object or not of {@link
   *     #FORMAT}
   */
  public static CertificateContent parse(String json) {
    JsonNode node = CanonicalJson.parse(json);
    if (!(node instanceof ObjectNode o)) {
      throw new IllegalArgumentException("certificate content must be a JSON object");
    }
    return new CertificateContent(o);
  }

  /**
   * The lower-case hex SHA-256 of the RFC 8785 form of content received as JSON text.
   *
   * @param json the JSON text, in any form
   * @return the content hash
   * @throws IllegalArgumentException as {@link #parse(String)}
   */
  public static String hashOf(String json) {
    return parse(json).sha256Hex();
  }

  /**
   * The certificate number the content names.
   *
   * @return the number, or the empty string
   */
  public String certificateNumber() {
    return json.path("certificateNumber").asText("");
  }

  /**
   * The destination country the content names (its {@code importerCountry}).
   *
   * @return the ISO 3166-1 alpha-2 code, or the empty string
   */
  public String destinationCountry() {
    return json.path("importerCountry").asText("");
  }

  /**
   * The RFC 8785 canonical form.
   *
   * @return UTF-8 bytes
   */
  public byte[] canonicalBytes() {
    return CanonicalJson.canonicalize(json);
  }

  /**
   * The canonical form as text, as a person or a file receives it.
   *
   * @return the canonical JSON text
   */
  public String canonicalText() {
    return new String(canonicalBytes(), StandardCharsets.UTF_8);
  }

  /**
   * The content hash the registry holds.
   *
   * @return lower-case hex SHA-256 of {@link #canonicalBytes()}
   */
  public String sha256Hex() {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Plain notation, at least two fraction digits: equal values give equal strings. */
  private static String decimal(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return (v.scale() < 2 ? v.setScale(2) : v).toPlainString();
  }
}
