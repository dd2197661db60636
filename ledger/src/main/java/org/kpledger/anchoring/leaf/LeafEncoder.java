package org.kpledger.anchoring.leaf;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.kpledger.canonical.CanonicalJson;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.merkle.MerkleHash;

/**
 * Turns an event into the bytes of its Merkle leaf: the RFC 8785 canonical form (UTF-8) of one JSON
 * object, format {@value #FORMAT} or {@value #FORMAT_V2}, with exactly these members:
 *
 * <pre>
 * format           "kp-ledger/leaf/v1" or "kp-ledger/leaf/v2"
 * eventId          Axon event identifier (string)
 * aggregateType    aggregate type, or null if not a domain event
 * aggregateId      aggregate identifier, or null if not a domain event
 * sequenceNumber   aggregate sequence number, or null if not a domain event
 * timestamp        event timestamp, UTC, milliseconds: "2013-05-23T09:41:07.123Z"
 * payloadType      serialized payload type name, as stored (for Jackson: the class name)
 * payloadRevision  payload revision (@Revision), or null
 * payload          the serialized payload JSON
 * metaData         the serialized metadata JSON object: in v1 including "envelope" (the signed
 *                  envelope as a JSON string, exactly as the actor signed it); in v2 including
 *                  "envelopeSha256" instead (lower-case hex SHA-256 of the envelope's UTF-8
 *                  bytes), the envelope being stored once per command beside the events
 * </pre>
 *
 * <p>The format is chosen per event from what is stored, never by the node's version: metadata that
 * carries {@code envelopeSha256} makes a v2 leaf, any other a v1 leaf, byte for byte as before v2
 * existed. So a log holds v1 leaves up to the upgrade and v2 leaves after it, and every stored
 * event re-encodes to the leaf that was anchored. A v2 leaf commits to its envelope through the
 * digest: whoever checks the signature needs the envelope too (an audit bundle carries it in {@code
 * envelopes.jsonl}).
 *
 * <p>The leaf hash is {@code SHA-256(0x00 || leaf bytes)} (RFC 9162 §2.1.1). The payload and
 * metadata are taken as the event store holds them ({@code serializePayload}, {@code
 * serializeMetaData}: for an event read from the store these are the stored bytes), so an auditor
 * who has the stored event recomputes the same bytes from it with any RFC 8785 implementation. A
 * timestamp is stored at millisecond precision, so finer digits are dropped here too.
 *
 * <p>RFC 8785 writes every number as an IEEE 754 double. A payload number a double cannot hold
 * exactly (an integer beyond 2^53, a decimal with too many digits) would be silently changed in the
 * leaf; the encoder refuses it with a {@link LeafEncodingException} instead, so the anchoring
 * processor stops and says why rather than commit to a leaf that does not say what the event says.
 * Thread-safe.
 */
public final class LeafEncoder {

  /**
   * The first leaf format, the leaf object's {@code format} member for an event whose metadata
   * carries the whole envelope.
   */
  public static final String FORMAT = "kp-ledger/leaf/v1";

  /**
   * The leaf format of an event whose metadata carries the envelope's digest ({@code
   * envelopeSha256}) instead of the envelope.
   */
  public static final String FORMAT_V2 = "kp-ledger/leaf/v2";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private final Serializer serializer;

  /**
   * Encodes the events of a store.
   *
   * @param serializer the event store's serializer; must write JSON (Axon's JacksonSerializer)
   */
  public LeafEncoder(Serializer serializer) {
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  /**
   * Returns the leaf bytes of an event.
   *
   * @param event the event, as the event store gives it
   * @return the canonical UTF-8 bytes of the leaf object
   * @throws LeafEncodingException if the event cannot be encoded faithfully
   */
  public byte[] encode(EventMessage<?> event) {
    return rfc8785(leafObject(event));
  }

  /**
   * Returns the RFC 9162 leaf hash of an event, {@code SHA-256(0x00 || encode(event))}.
   *
   * @param event the event
   * @return the 32-byte leaf hash
   * @throws LeafEncodingException if the event cannot be encoded faithfully
   */
  public byte[] leafHash(EventMessage<?> event) {
    return MerkleHash.leafHash(encode(event));
  }

  /**
   * Returns the leaf object of an event before canonicalisation, for audit bundles and debugging.
   *
   * @param event the event
   * @return a new JSON object with the members listed on this class
   * @throws LeafEncodingException if the payload or metadata is not JSON or holds a number that RFC
   *     8785 cannot represent exactly
   */
  public ObjectNode leafObject(EventMessage<?> event) {
    SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
    JsonNode metaData =
        exactJson("metaData", event.serializeMetaData(serializer, byte[].class).getData());
    if (!metaData.isObject()) {
      throw new LeafEncodingException(
          "metaData of event " + event.getIdentifier() + " is not a JSON object");
    }
    ObjectNode leaf = JsonNodeFactory.instance.objectNode();
    leaf.put("format", formatOf(metaData));
    leaf.put("eventId", event.getIdentifier());
    if (event instanceof DomainEventMessage<?> domain) {
      leaf.put("aggregateType", domain.getType());
      leaf.put("aggregateId", domain.getAggregateIdentifier());
      leaf.put("sequenceNumber", domain.getSequenceNumber());
    } else {
      leaf.putNull("aggregateType").putNull("aggregateId").putNull("sequenceNumber");
    }
    leaf.put("timestamp", TIMESTAMP.format(event.getTimestamp().truncatedTo(ChronoUnit.MILLIS)));
    leaf.put("payloadType", payload.getType().getName());
    leaf.put("payloadRevision", payload.getType().getRevision());
    leaf.set("payload", exactJson("payload", payload.getData()));
    leaf.set("metaData", metaData);
    return leaf;
  }

  /**
   * The leaf format of an event with this metadata: {@value #FORMAT_V2} when it carries {@code
   * envelopeSha256}, else {@value #FORMAT}.
   *
   * @param metaData the event's metadata object
   * @return the format name
   */
  public static String formatOf(JsonNode metaData) {
    return metaData.has(LedgerMetaData.ENVELOPE_SHA256) ? FORMAT_V2 : FORMAT;
  }

  /**
   * The leaf canonicaliser: RFC 8785 (JSON Canonicalization Scheme) by the ledger's {@link
   * CanonicalJson}, the one implementation the ledger runs (envelopes, certificate content and
   * leaves alike). It replaced the reference library here on 5 Dec 2026 after producing the same
   * bytes for every event type and re-encoding a stored log byte for byte (see the tests of this
   * package); the reference library stays in the tests as the oracle.
   *
   * @param value a JSON value
   * @return its canonical form, UTF-8
   * @throws LeafEncodingException if the value holds what canonical JSON cannot (a lone surrogate,
   *     a noncharacter, a number that is not a finite double)
   */
  public static byte[] rfc8785(JsonNode value) {
    try {
      return CanonicalJson.canonicalize(value);
    } catch (IllegalArgumentException e) {
      throw new LeafEncodingException("cannot canonicalise: " + e.getMessage(), e);
    }
  }

  private static JsonNode exactJson(String member, byte[] json) {
    JsonNode node;
    try {
      node = EXACT.readTree(json);
    } catch (IOException e) {
      throw new LeafEncodingException(
          member + " is not JSON (is the event serializer Jackson?): " + e.getMessage(), e);
    }
    IJsonNumbers.requireExact(member, node);
    return node;
  }
}
