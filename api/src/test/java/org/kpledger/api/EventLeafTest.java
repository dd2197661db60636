package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.api.envelope.CommandEnvelopes;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.merkle.MerkleHash;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/audit/events/{eventId}/leaf} answers exactly an event's leaf bytes, so that a
 * client (the console's auditor page) recomputes the leaf hash the inclusion proof is about; only
 * overseers read it.
 */
class EventLeafTest extends ReadTestBase {
  private final HttpClient http = HttpClient.newHttpClient();
  @Autowired EventStore eventStore;
  @Autowired Configuration axon;
  @Autowired CommandEnvelopes envelopes;

  @Test
  void anEventsLeafBytesHashToTheLeafTheLogRecordedForIt() throws Exception {
    ok(
        "kp-registrar",
        "RegisterZone",
        CarFixture.obj("zoneId", "EL-NDELE", "name", "Ndélé", "prefecture", "Bamingui-Bangoran"));
    String eventId =
        jdbc.queryForObject(
            "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier ="
                + " 'EL-NDELE'",
            String.class);
    String target = "/api/audit/events/" + eventId + "/leaf";
    HttpResponse<byte[]> leaf = raw(target, "mt-monitor");
    assertThat(leaf.statusCode()).isEqualTo(200);
    assertThat(leaf.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    LeafEncoder encoder = new LeafEncoder(axon.eventSerializer());
    assertThat(leaf.body())
        .as("the leaf bytes of the stored event")
        .isEqualTo(encoder.encode(eventStore.readEvents("EL-NDELE").next()));
    JsonNode leafObject = new ObjectMapper().readTree(leaf.body());
    assertThat(leafObject.path("format").asText())
        .as("an event written since the envelope is stored once per command")
        .isEqualTo(LeafEncoder.FORMAT_V2);
    assertThat(leafObject.path("metaData").has(LedgerMetaData.ENVELOPE)).isFalse();
    String commandId = leafObject.path("metaData").path(LedgerMetaData.COMMAND_ID).asText();
    String envelope = envelopes.findAll(List.of(commandId)).get(commandId);
    assertThat(leafObject.path("metaData").path(LedgerMetaData.ENVELOPE_SHA256).asText())
        .as("the leaf commits to the envelope stored for its command")
        .isEqualTo(LedgerMetaData.envelopeSha256(envelope));
    JsonNode proof = awaitInclusion(eventId);
    assertThat(MerkleHash.leafHash(leaf.body()))
        .as("SHA-256(0x00 || body) is the leaf hash the log proves")
        .isEqualTo(Base64.getDecoder().decode(proof.path("leafHash").asText()));

    problem(get("alpha-buyer", target), 403, "NOT_VISIBLE", null);
    problem(
        get("mt-monitor", "/api/audit/events/no-such-event/leaf"), 404, "UNKNOWN_ID", "eventId");
  }

  private HttpResponse<byte[]> raw(String target, String actor) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
    signed("GET", target, actor, Instant.now()).forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode awaitInclusion(String eventId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Answer a = send("GET", "/api/log/events/" + eventId + "/inclusion", java.util.Map.of());
      if (a.status() == 200) {
        return a.body();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("event " + eventId + " was not signed into the log within 60 s");
  }
}
