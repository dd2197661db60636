package org.kpledger.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The members of one event line (a {@code kp-ledger/leaf/v1} leaf object) that the verifier needs,
 * read in one streaming pass. Payload and metadata are kept as trees only when asked.
 *
 * @param format the {@code format} member
 * @param eventId the event identifier
 * @param aggregateId the aggregate identifier, or {@code null}
 * @param sequenceNumber the aggregate sequence number, or {@code null}
 * @param payloadType the payload type name
 * @param payload the payload, or {@code null} if not kept
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
          case "payload" -> payload = keepTrees ? p.readValueAsTree() : skip(p);
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

  private static JsonNode skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
