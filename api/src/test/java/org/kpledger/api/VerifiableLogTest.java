package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.merkle.ProofVerifier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every committed event is exactly one leaf of the log; its inclusion proof and the consistency
 * proof between two signed heads verify with nothing but the node's published verifier key, and
 * each leaf hash is recomputed from the event as stored.
 */
class VerifiableLogTest extends LedgerTestBase {
  private final HttpClient http = HttpClient.newHttpClient();
  @Autowired EventStore eventStore;
  @Autowired Configuration axon;

  @Test
  void everyEventIsOneLeafProvableAgainstASignedCheckpoint() throws Exception {
    new CarFixture(this::ok, "VL-").setUp();
    SignedTreeHead first = awaitHeadCovering(eventCount());
    ok(
        "kp-registrar",
        "RegisterZone",
        CarFixture.obj("zoneId", "VL-NDELE", "name", "Ndélé", "prefecture", "Bamingui-Bangoran"));
    SignedTreeHead second = awaitHeadCovering(eventCount());
    CheckpointVerifier verifier = CheckpointVerifier.fromVerifierKey(get("/api/log/verifier-key"));

    List<String> eventIds =
        jdbc.queryForList("SELECT event_identifier FROM domain_event_entry", String.class);
    List<String> leafIds = jdbc.queryForList("SELECT event_id FROM merkle_leaf", String.class);
    assertThat(leafIds).hasSize(eventIds.size());
    assertThat(new HashSet<>(leafIds)).isEqualTo(new HashSet<>(eventIds));

    LeafEncoder encoder = new LeafEncoder(axon.eventSerializer());
    for (String aggregate : List.of("VL-BERBERATI", "VL-PAT-M-1", "VL-S-W", "VL-NDELE")) {
      eventStore
          .readEvents(aggregate)
          .asStream()
          .forEach(
              event -> {
                JsonNode proof =
                    json(
                        "/api/log/events/"
                            + event.getIdentifier()
                            + "/inclusion?treeSize="
                            + second.size());
                byte[] leafHash = Base64.getDecoder().decode(proof.path("leafHash").asText());
                assertThat(leafHash)
                    .as("leaf hash recomputed from the stored event")
                    .isEqualTo(encoder.leafHash(event));
                try {
                  SignedTreeHead head = verifier.verify(proof.path("checkpoint").asText());
                  ProofVerifier.verifyInclusion(
                      proof.path("leafIndex").asLong(),
                      head.size(),
                      leafHash,
                      hashes(proof.path("proof")),
                      head.head().rootHash());
                } catch (Exception e) {
                  throw new AssertionError("inclusion of " + event.getIdentifier(), e);
                }
              });
    }

    JsonNode consistency =
        json("/api/log/consistency?from=" + first.size() + "&to=" + second.size());
    SignedTreeHead older = verifier.verify(consistency.path("fromCheckpoint").asText());
    SignedTreeHead newer = verifier.verify(consistency.path("toCheckpoint").asText());
    ProofVerifier.verifyConsistency(
        older.size(),
        newer.size(),
        older.head().rootHash(),
        newer.head().rootHash(),
        hashes(consistency.path("proof")));
  }

  @Test
  void headsAndStatusDescribeWhatWasSignedAndAnchored() throws Exception {
    ok(
        "kp-registrar",
        "RegisterZone",
        CarFixture.obj("zoneId", "VL-OUADDA", "name", "Ouadda", "prefecture", "Haute-Kotto"));
    SignedTreeHead latest = awaitHeadCovering(eventCount());
    JsonNode page = json("/api/log/heads?fromSize=0&limit=1000");
    assertThat(page.path("fromSize").asLong()).isZero();
    assertThat(page.path("limit").asInt()).isEqualTo(1000);
    assertThat(page.path("nextFromSize").isNull()).as("one page holds them all").isTrue();
    JsonNode heads = page.path("items");
    assertThat(heads).isNotEmpty();
    if (heads.size() > 1) {
      JsonNode first = json("/api/log/heads?fromSize=0&limit=1");
      assertThat(first.path("items")).hasSize(1);
      assertThat(first.path("nextFromSize").asLong())
          .isEqualTo(first.path("items").get(0).path("treeSize").asLong() + 1);
      assertThat(
              json("/api/log/heads?fromSize=" + first.path("nextFromSize").asLong() + "&limit=1")
                  .path("items")
                  .get(0)
                  .path("treeSize")
                  .asLong())
          .isEqualTo(heads.get(1).path("treeSize").asLong());
    }
    JsonNode last = heads.get(heads.size() - 1);
    assertThat(last.path("treeSize").asLong()).isGreaterThanOrEqualTo(latest.size());
    assertThat(last.path("anchor").path("sink").asText()).isEqualTo("local");
    assertThat(last.path("anchor").path("reference").asText()).contains("checkpoints.txt@");
    JsonNode status = json("/api/log/status");
    assertThat(status.path("treeSize").asLong()).isGreaterThanOrEqualTo(latest.size());
    assertThat(send("/api/log/heads?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void proofsAreRefusedForSizesWithoutASignedHead() throws Exception {
    HttpResponse<String> r = send("/api/log/consistency?from=1&to=999999999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).path("rule").asText()).isEqualTo("NO_SIGNED_HEAD");
    assertThat(send("/api/log/events/no-such-event/inclusion").statusCode()).isEqualTo(404);
  }

  private SignedTreeHead awaitHeadCovering(long size) throws Exception {
    CheckpointVerifier verifier = CheckpointVerifier.fromVerifierKey(get("/api/log/verifier-key"));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = send("/api/log/checkpoint");
      if (r.statusCode() == 200) {
        SignedTreeHead head = verifier.verify(r.body());
        if (head.size() >= size) {
          return head;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no signed head covered " + size + " events within 60 s");
  }

  private static List<byte[]> hashes(JsonNode array) {
    List<byte[]> out = new ArrayList<>();
    array.forEach(h -> out.add(Base64.getDecoder().decode(h.asText())));
    return out;
  }

  private JsonNode json(String path) {
    try {
      HttpResponse<String> r = send(path);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  private String get(String path) throws Exception {
    return send(path).body();
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
