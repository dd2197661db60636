package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kpledger.api.CarFixture.obj;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.api.command.CommandReceipts;
import org.kpledger.api.envelope.CommandEnvelopes;
import org.kpledger.api.storage.CommandKey;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.eventstore.PackedJson;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Receipts and envelopes are stored lean (issue #20, V4): digests as 32 bytes and an acceptance's
 * outcome without the command id it is keyed by; what the node answers stays the same bytes (a
 * client compares the answer to a retried command with the first) and the envelope is still served
 * exactly as signed.
 */
class LeanReceiptsTest extends LedgerTestBase {
  private final HttpClient client = HttpClient.newHttpClient();

  @Autowired CommandReceipts receipts;
  @Autowired CommandEnvelopes envelopes;

  @Test
  void aRetriedCommandGetsTheSameBytesWhileTheRowKeepsNeitherItsIdInTheOutcomeNorHexDigests()
      throws Exception {
    String envelope =
        Envelopes.sign(
            PKI.get("kp-registrar"),
            "RegisterZone",
            obj("zoneId", "LEAN-1", "name", "Lean", "prefecture", "Haute-Kotto"));
    String commandId = JSON.readTree(envelope).path("commandId").asText();

    HttpResponse<byte[]> first = send(envelope);
    HttpResponse<byte[]> retried = send(envelope);

    assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.body()).as("the same bytes").isEqualTo(first.body());
    assertThat(new String(first.body())).startsWith("{\"commandId\":\"" + commandId + "\",");
    assertThat(receipts.find(commandId).orElseThrow().outcome())
        .isEqualTo(new String(first.body()));

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT command_id, body_hash, outcome, packed_outcome FROM command_receipt"
                + " WHERE command_key = ?",
            CommandKey.of(commandId));
    assertThat(row.get("command_id")).as("a UUID id is its own key (V7), not kept again").isNull();
    assertThat((byte[]) row.get("body_hash")).hasSize(32);
    assertThat(row.get("outcome")).as("kept packed (V6), not as text").isNull();
    byte[] packed = (byte[]) row.get("packed_outcome");
    assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V2);
    String kept = new String(PackedJson.unpack(packed), StandardCharsets.UTF_8);
    assertThat(kept)
        .startsWith("+\"commandType\":\"RegisterZone\"")
        .doesNotContain(commandId)
        .contains("\"eventIds\":[\"");
    assertThat(packed.length).as("packed").isLessThanOrEqualTo(kept.length() * 2 / 3);

    byte[] digest =
        jdbc.queryForObject(
            "SELECT envelope_sha256 FROM command_envelope WHERE command_key = ?",
            byte[].class,
            CommandKey.of(commandId));
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(LedgerMetaData.envelopeSha256(envelope));
    assertThat(envelopes.findAll(List.of(commandId))).containsEntry(commandId, envelope);
  }

  @Test
  void anOutcomeThatDoesNotBeginWithItsOwnIdIsStoredWhole() {
    String refusal = "{\"type\":\"about:blank\",\"commandId\":\"X-9\"}";
    receipts.store(new CommandReceipts.Receipt("X-9", "ab".repeat(32), 409, refusal));
    byte[] packed =
        jdbc.queryForObject(
            "SELECT packed_outcome FROM command_receipt WHERE command_id = 'X-9'", byte[].class);
    assertThat(new String(PackedJson.unpack(packed), StandardCharsets.UTF_8)).isEqualTo(refusal);
    assertThat(receipts.find("X-9").orElseThrow())
        .isEqualTo(new CommandReceipts.Receipt("X-9", "ab".repeat(32), 409, refusal));
  }

  @Test
  void aReceiptKeptAsTextByANodeThatDoesNotPackReadsTheSameInEitherNode() {
    CommandReceipts asText = new CommandReceipts(jdbc, false);
    String outcome =
        "{\"commandId\":\"X-12\",\"commandType\":\"RegisterZone\",\"result\":\"Z\","
            + "\"eventIds\":[\"3f30c124-186b-4bf5-8720-04eb79cf61f4\"]}";
    asText.store(new CommandReceipts.Receipt("X-12", "cd".repeat(32), 200, outcome));
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT outcome, packed_outcome FROM command_receipt WHERE command_id = 'X-12'");
    assertThat(row.get("packed_outcome")).isNull();
    assertThat(row.get("outcome").toString()).startsWith("+\"commandType\"");
    CommandReceipts.Receipt expected =
        new CommandReceipts.Receipt("X-12", "cd".repeat(32), 200, outcome);
    assertThat(receipts.find("X-12")).contains(expected);
    assertThat(asText.findAll(List.of("X-12", "X-13")))
        .containsExactly(Map.entry("X-12", expected));
  }

  @Test
  void aBodyHashThatIsNotADigestIsKeptAsItsTextAndOneThatWouldReadAsADigestIsRefused() {
    receipts.store(new CommandReceipts.Receipt("X-11", "unsigned", 200, "{\"a\":1}"));
    assertThat(receipts.find("X-11").orElseThrow().bodyHash()).isEqualTo("unsigned");
    assertThatThrownBy(
            () ->
                receipts.store(
                    new CommandReceipts.Receipt("X-10", "AB".repeat(16), 200, "{\"a\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a receipt's body hash is a SHA-256 in 64 lower-case hex digits");
    assertThat(receipts.find("X-10")).isEmpty();
  }

  private HttpResponse<byte[]> send(String envelope) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(envelope))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
