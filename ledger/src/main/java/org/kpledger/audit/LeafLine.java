package org.kpledger.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The members of one event line (a {@code kp-ledger/leaf/v1} leaf object) that the verifier needs,
 * read in one streaming pass. The metadata is kept as a tree only when asked; the payload never
 * (see {@link #payloadOf}).
 *
 * @param format the {@code format} member
 * @param eventId the event identifier
 * @param aggregateId the aggregate identifier, or {@code null}
 * @param sequenceNumber the aggregate sequence number, or {@code null}
 * @param payloadType the payload type name
 * @param payload always {@code null}: read it with {@link #payloadOf} when needed
 * @param metaData the metadata object, or {@code null} if not kept
 */
record LeafLine(
    String format,
    String eventId,
    String aggregateId,
    Long sequenceNumber,
    String payloadType,
    JsonNode payload,
    JsonNode metaData) {

  private static final byte[] SEQUENCE = "\"sequenceNumber\":".getBytes(StandardCharsets.UTF_8);

  /**
   * Reads only the members before {@code metaData} and, by searching back from the end, {@code
   * sequenceNumber}. Sound only for RFC 8785 bytes (members sorted, so the last unescaped {@code
   * "sequenceNumber":} is the top-level one): use it on lines whose hash matched the log's leaf,
   * which the node wrote canonical. Falls back to {@link #parse} when {@code eventId} is not among
   * the leading members.
   */
  static LeafLine skim(byte[] line) throws IOException {
    String format = null;
    String eventId = null;
    String aggregateId = null;
    try (JsonParser p = BundleCodec.JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("an event line is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.compareTo("metaData") >= 0) {
          break;
        }
        switch (name) {
          case "format" -> format = p.getValueAsString();
          case "eventId" -> eventId = p.getValueAsString();
          case "aggregateId" -> aggregateId = value == JsonToken.VALUE_NULL ? null : p.getText();
          default -> p.skipChildren();
        }
      }
    }
    if (eventId == null) {
      return parse(line, false);
    }
    return new LeafLine(format, eventId, aggregateId, sequence(line), null, null, null);
  }

  private static Long sequence(byte[] line) {
    outer:
    for (int at = line.length - SEQUENCE.length; at >= 0; at--) {
      for (int i = 0; i < SEQUENCE.length; i++) {
        if (line[at + i] != SEQUENCE[i]) {
          continue outer;
        }
      }
      int i = at + SEQUENCE.length;
      long value = 0;
      int digits = 0;
      while (i < line.length && line[i] >= '0' && line[i] <= '9' && digits < 18) {
        value = value * 10 + (line[i++] - '0');
        digits++;
      }
      return digits == 0 ? null : value;
    }
    return null;
  }

  static LeafLine parse(byte[] line, boolean keepTrees) throws IOException {
    String format = null;
    String eventId = null;
    String aggregateId = null;
    Long sequence = null;
    String payloadType = null;
    JsonNode payload = null;
    JsonNode metaData = null;
    try (JsonParser p = BundleCodec.JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("an event line is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "format" -> format = p.getValueAsString();
          case "eventId" -> eventId = p.getValueAsString();
          case "aggregateId" -> aggregateId = value == JsonToken.VALUE_NULL ? null : p.getText();
          case "sequenceNumber" ->
              sequence = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
          case "payloadType" -> payloadType = p.getValueAsString();
          case "payload" -> payload = skip(p);
          case "metaData" -> metaData = keepTrees ? p.readValueAsTree() : skip(p);
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the leaf object");
      }
    }
    if (eventId == null) {
      throw new IOException("the leaf object has no eventId");
    }
    return new LeafLine(format, eventId, aggregateId, sequence, payloadType, payload, metaData);
  }

  /** Reads the payload member of a line, for the few events whose payload the verifier needs. */
  static JsonNode payloadOf(byte[] line) throws IOException {
    JsonNode payload = BundleCodec.JSON.readTree(line).get("payload");
    return payload == null ? BundleCodec.JSON.missingNode() : payload;
  }

  private static JsonNode skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
