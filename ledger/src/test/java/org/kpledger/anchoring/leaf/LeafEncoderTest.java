package org.kpledger.anchoring.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.miner.MinerRegisteredEvent;
import org.kpledger.site.GeoPoint;

/**
 * {@link LeafEncoder} is deterministic, pinned by golden bytes, and refuses what it cannot keep.
 */
class LeafEncoderTest {

  private static final String ENVELOPE =
      "{\"commandId\":\"c-42\", \"payload\":{\"minerId\":\"m-7\"},"
          + " \"signature\":\"MEUCIQ\u00e9==\"}";

  /**
   * SHA-256(0x00 || golden bytes). The golden file and this hash were derived independently of the
   * encoder (Python's json.dumps with sorted keys, which equals RFC 8785 for these values).
   */
  private static final String GOLDEN_LEAF_HASH =
      "130e18e39d3e6b64188cdd5d4106326db8d5ac631b29dd5c977eed96de2f6e44";

  private final LedgerDatabase db = new LedgerDatabase();
  private final LeafEncoder encoder = new LeafEncoder(db.serializer);

  static DomainEventMessage<MinerRegisteredEvent> fixedEvent() {
    Map<String, Object> metaData = new LinkedHashMap<>();
    metaData.put(LedgerMetaData.ENVELOPE, ENVELOPE);
    metaData.put(LedgerMetaData.ACTOR_ID, "buyer-\u00c9lodie");
    metaData.put(LedgerMetaData.COMMAND_ID, "c-42");
    return new GenericDomainEventMessage<>(
        "Miner",
        "m-7",
        0,
        new MinerRegisteredEvent(
            "m-7",
            "Jean-Pierre Ngaba",
            "CNI-123",
            "P-2013-77",
            "site-3",
            "zone-B",
            new GeoPoint(new BigDecimal("4.3612"), new BigDecimal("18.5550"))),
        metaData,
        "0b1c9e5a-2f4d-4c3e-9a57-6d2f8e1b7c01",
        Instant.parse("2013-05-23T09:41:07.123456789Z"));
  }

  @Test
  void anEventCarryingItsEnvelopesDigestIsAV2LeafThatDiffersFromV1OnlyInFormatAndDigest() {
    DomainEventMessage<MinerRegisteredEvent> v1 = fixedEvent();
    Map<String, Object> metaData = new LinkedHashMap<>(v1.getMetaData());
    metaData.remove(LedgerMetaData.ENVELOPE);
    String digest = LedgerMetaData.envelopeSha256(ENVELOPE);
    metaData.put(LedgerMetaData.ENVELOPE_SHA256, digest);
    DomainEventMessage<MinerRegisteredEvent> v2 =
        new GenericDomainEventMessage<>(
            "Miner", "m-7", 0, v1.getPayload(), metaData, v1.getIdentifier(), v1.getTimestamp());

    String v2Leaf = new String(encoder.encode(v2), StandardCharsets.UTF_8);
    assertThat(digest)
        .as("lower-case hex SHA-256 of the UTF-8 bytes (computed independently, sha256sum)")
        .isEqualTo("9232466a8e85a81583dd5c0d84b37c3158e0f5e37c9590815a899b8224b4210d");
    assertThat(v2Leaf)
        .startsWith("{\"aggregateId\":\"m-7\"")
        .contains("\"format\":\"kp-ledger/leaf/v2\"")
        .contains("\"envelopeSha256\":\"" + digest + "\"")
        .doesNotContain("\"envelope\":");
    String v1Leaf = new String(encoder.encode(v1), StandardCharsets.UTF_8);
    assertThat(
            v2Leaf
                .replace("kp-ledger/leaf/v2", "kp-ledger/leaf/v1")
                .replace(
                    "\"envelopeSha256\":\"" + digest + "\"",
                    "\"envelope\":"
                        + new String(
                            LeafEncoder.rfc8785(TextNode.valueOf(ENVELOPE)),
                            StandardCharsets.UTF_8)))
        .as("the same members, the envelope replaced by its digest")
        .isEqualTo(v1Leaf);
  }

  @Test
  void encodesAFixedEventToTheGoldenBytes() throws IOException {
    byte[] bytes = encoder.encode(fixedEvent());
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(new String(golden(), StandardCharsets.UTF_8));
    assertThat(bytes).isEqualTo(golden());
    assertThat(HexFormat.of().formatHex(encoder.leafHash(fixedEvent())))
        .isEqualTo(GOLDEN_LEAF_HASH);
  }

  @Test
  void theLeafHashIsSha256OfAZeroByteAndTheLeafBytes() {
    assertThat(encoder.leafHash(fixedEvent()))
        .isEqualTo(MerkleHash.leafHash(encoder.encode(fixedEvent())));
  }

  @Test
  void reEncodingTheStoredEventGivesTheSameBytes() {
    byte[] fresh = encoder.encode(fixedEvent());
    db.transactions.executeInTransaction(() -> db.events.appendEvents(fixedEvent()));
    DomainEventMessage<?> byAggregate = db.events.readEvents("m-7").next();
    TrackedEventMessage<?> tracked = db.events.readEvents(null, false).findFirst().orElseThrow();
    assertThat(encoder.encode(byAggregate)).isEqualTo(fresh);
    assertThat(encoder.encode(tracked)).isEqualTo(fresh);
    LeafEncoder other = new LeafEncoder(new LedgerDatabase().serializer);
    assertThat(other.encode(tracked)).as("another serializer instance").isEqualTo(fresh);
  }

  @Test
  void keepsTheEnvelopeTextExactlyAsSigned() {
    assertThat(encoder.leafObject(fixedEvent()).get("metaData").get("envelope").textValue())
        .isEqualTo(ENVELOPE);
  }

  @Test
  void metaDataOrderAndSubMillisecondDigitsDoNotChangeTheLeaf() {
    DomainEventMessage<MinerRegisteredEvent> event = fixedEvent();
    Map<String, Object> reversed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(event.getMetaData().keySet());
    Collections.reverse(keys);
    keys.forEach(k -> reversed.put(k, event.getMetaData().get(k)));
    EventMessage<?> other =
        new GenericDomainEventMessage<>(
            "Miner",
            "m-7",
            0,
            event.getPayload(),
            reversed,
            event.getIdentifier(),
            Instant.parse("2013-05-23T09:41:07.123Z"));
    assertThat(encoder.encode(other)).isEqualTo(encoder.encode(event));
  }

  @Test
  void anEventOutsideAnAggregateHasNullAggregateMembers() {
    EventMessage<?> event =
        new GenericEventMessage<>(
            new GeoPoint(BigDecimal.ONE, BigDecimal.TEN), MetaData.with("k", "v"));
    String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"aggregateId\":null",
            "\"aggregateType\":null",
            "\"sequenceNumber\":null",
            "\"payloadRevision\":null",
            "\"latitude\":1,");
  }

  @Test
  void refusesADecimalThatCanonicalJsonWouldRound() {
    EventMessage<?> event =
        GenericEventMessage.asEventMessage(
            new GeoPoint(new BigDecimal("0.10000000000000000001"), BigDecimal.ONE));
    assertThatThrownBy(() -> encoder.encode(event))
        .isInstanceOf(LeafEncodingException.class)
        .hasMessageContaining("payload.latitude = 0.10000000000000000001");
  }

  @Test
  void refusesAnIntegerBeyondTwoToThe53() {
    EventMessage<?> event =
        GenericEventMessage.asEventMessage(
            new GeoPoint(new BigDecimal("9007199254740993"), BigDecimal.ONE));
    assertThatThrownBy(() -> encoder.encode(event))
        .isInstanceOf(LeafEncodingException.class)
        .hasMessageContaining("payload.latitude");
  }

  private static byte[] golden() throws IOException {
    try (InputStream in = LeafEncoderTest.class.getResourceAsStream("leaf-v1-golden.json")) {
      return in.readAllBytes();
    }
  }
}
