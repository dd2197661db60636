package org.kpledger.anchoring.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.kpledger.merkle.MerkleHash;

/**
 * A log written by the previous leaf canonicaliser (the reference RFC 8785 library, before the
 * ledger's own canonicaliser became the only one) re-encodes to the same bytes and leaf hashes.
 *
 * <p>{@code stored-log/events.jsonl} and {@code leaves.jsonl} are the audit bundle of a demo node
 * exported on 5 Dec 2026 by the code of commit f302aa9, whose leaves were canonicalised by {@code
 * org.erdtman.jcs.JsonCanonicalizer}. Each event is put back into an Axon JDBC event table as the
 * event store keeps it (payload and metadata as JSON bytes), read back through Axon, and encoded by
 * today's {@link LeafEncoder}: the bytes must equal the bundle's line and the leaf hash the hash
 * the node computed when it appended the leaf.
 */
class StoredLogReencodingTest {

  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private final LedgerDatabase db = new LedgerDatabase();
  private final LeafEncoder encoder = new LeafEncoder(db.serializer);

  @Test
  void everyStoredEventReencodesToItsLineAndItsLeafHash() throws Exception {
    List<String> lines = resourceLines("stored-log/events.jsonl");
    List<JsonNode> leaves =
        resourceLines("stored-log/leaves.jsonl").stream().map(this::tree).toList();
    assertThat(lines).hasSize(leaves.size()).hasSizeGreaterThan(100);
    for (String line : lines) {
      store(tree(line));
    }

    List<TrackedEventMessage<?>> read;
    try (Stream<? extends TrackedEventMessage<?>> events = db.events.readEvents(null, false)) {
      read = new ArrayList<>(events.toList());
    }
    assertThat(read).hasSize(lines.size());
    for (int i = 0; i < read.size(); i++) {
      TrackedEventMessage<?> event = read.get(i);
      assertThat(event.getIdentifier()).isEqualTo(leaves.get(i).get("eventId").asText());
      byte[] encoded = encoder.encode(event);
      assertThat(new String(encoded, StandardCharsets.UTF_8))
          .as("leaf %d (%s)", i, event.getPayloadType().getSimpleName())
          .isEqualTo(lines.get(i));
      assertThat(Base64.getEncoder().encodeToString(MerkleHash.leafHash(encoded)))
          .as("leaf hash %d", i)
          .isEqualTo(leaves.get(i).get("leafHash").asText());
    }
  }

  @Test
  void theStoredLogHoldsTheDemosEventTypesWithDecimalsAndNonAsciiText() throws IOException {
    List<String> lines = resourceLines("stored-log/events.jsonl");
    TreeSet<String> types =
        lines.stream()
            .map(l -> tree(l).get("payloadType").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(types).hasSizeGreaterThanOrEqualTo(30);
    assertThat(lines).anyMatch(l -> l.matches(".*\"carats\":\\d+\\.\\d+.*"));
    assertThat(lines).anyMatch(l -> l.chars().anyMatch(c -> c > 0x7F));
  }

  private void store(JsonNode leaf) throws SQLException {
    String sql =
        "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.database.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, leaf.get("eventId").asText());
      s.setString(2, leaf.get("aggregateId").asText());
      s.setLong(3, leaf.get("sequenceNumber").asLong());
      s.setString(4, leaf.get("aggregateType").asText());
      s.setString(5, leaf.get("timestamp").asText());
      s.setString(6, leaf.get("payloadType").asText());
      s.setString(
          7, leaf.get("payloadRevision").isNull() ? null : leaf.get("payloadRevision").asText());
      s.setBytes(8, json(leaf.get("payload")));
      s.setBytes(9, json(leaf.get("metaData")));
      s.executeUpdate();
    }
  }

  private static byte[] json(JsonNode node) {
    try {
      return EXACT.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode tree(String line) {
    try {
      return EXACT.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = StoredLogReencodingTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }
}
