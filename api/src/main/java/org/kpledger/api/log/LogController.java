package org.kpledger.api.log;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.anchoring.leaf.LeafRecord;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.anchoring.publish.AnchoringStatus;
import org.kpledger.anchoring.publish.TreeHeadPublisher;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verifiable log over HTTP: the latest signed checkpoint (C2SP signed note), the list of
 * anchored heads, the verifier key, an event's inclusion proof and the consistency proof between
 * two signed sizes (RFC 9162 §2.1.3, §2.1.4). Proofs are served only against sizes that have a
 * signed head, so every answer can be checked with the public key alone.
 */
@RestController
class LogController {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private final LocalAnchorSink sink;
  private final CommittedLog log;
  private final JdbcLeafIndex leaves;
  private final CheckpointVerifier verifier;
  private final TreeHeadPublisher publisher;

  LogController(
      LocalAnchorSink sink,
      CommittedLog log,
      JdbcLeafIndex leaves,
      CheckpointVerifier verifier,
      TreeHeadPublisher publisher) {
    this.sink = sink;
    this.log = log;
    this.leaves = leaves;
    this.verifier = verifier;
    this.publisher = publisher;
  }

  @GetMapping(path = "/api/log/checkpoint", produces = "text/plain; charset=utf-8")
  String latestCheckpoint() {
    return sink.lastAnchored()
        .map(h -> h.head().note())
        .orElseThrow(() -> notFound("NO_SIGNED_HEAD", null, "no tree head has been signed yet"));
  }

  @GetMapping(path = "/api/log/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
  String verifierKey() {
    return verifier.verifierKey();
  }

  @GetMapping("/api/log/status")
  AnchoringStatus status() {
    return publisher.status();
  }

  /**
   * A page of the signed heads from {@code fromSize} on, as an object like the other pages: {@code
   * items}, the {@code fromSize} and {@code limit} asked for, and {@code nextFromSize}, the {@code
   * fromSize} of the following page (null when this page is the last).
   */
  @GetMapping("/api/log/heads")
  Map<String, Object> heads(
      @RequestParam(defaultValue = "0") long fromSize,
      @RequestParam(defaultValue = "100") int limit) {
    if (fromSize < 0) {
      throw bad("fromSize", "must be 0 or more");
    }
    if (limit < 1 || limit > 1000) {
      throw bad("limit", "must be between 1 and 1000");
    }
    List<AnchoredHead> heads = sink.list(fromSize, limit);
    Map<String, Object> page = new java.util.LinkedHashMap<>();
    page.put("items", heads.stream().map(LogController::head).toList());
    page.put("fromSize", fromSize);
    page.put("limit", limit);
    page.put(
        "nextFromSize",
        heads.size() < limit ? null : heads.get(heads.size() - 1).head().size() + 1);
    return page;
  }

  @GetMapping("/api/log/events/{eventId}/inclusion")
  Map<String, Object> inclusion(
      @PathVariable String eventId, @RequestParam(required = false) Long treeSize) {
    LeafRecord leaf =
        leaves
            .findByEventId(eventId)
            .orElseThrow(
                () ->
                    notFound(
                        "NOT_YET_A_LEAF",
                        "eventId",
                        "event " + eventId + " is not (yet) a leaf of the log"));
    AnchoredHead head = signedHead(treeSize);
    if (leaf.leafIndex() >= head.head().size()) {
      throw notFound(
          "NOT_YET_SIGNED",
          "treeSize",
          "event "
              + eventId
              + " is leaf "
              + leaf.leafIndex()
              + ", beyond the signed tree size "
              + head.head().size());
    }
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("eventId", eventId);
    proof.put("leafIndex", leaf.leafIndex());
    proof.put("leafHash", B64.encodeToString(leaf.leafHash()));
    proof.put("treeSize", head.head().size());
    proof.put("proof", encode(log.log().inclusionProof(leaf.leafIndex(), head.head().size())));
    proof.put("checkpoint", head.head().note());
    return proof;
  }

  @GetMapping("/api/log/consistency")
  Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
    if (from < 1 || from > to) {
      throw bad("from", "must be at least 1 and at most to");
    }
    AnchoredHead older = signedHead(from);
    AnchoredHead newer = signedHead(to);
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("from", from);
    proof.put("to", to);
    proof.put("proof", encode(log.log().consistencyProof(from, to)));
    proof.put("fromCheckpoint", older.head().note());
    proof.put("toCheckpoint", newer.head().note());
    return proof;
  }

  private AnchoredHead signedHead(Long size) {
    if (size == null) {
      return sink.lastAnchored()
          .orElseThrow(() -> notFound("NO_SIGNED_HEAD", null, "no tree head has been signed yet"));
    }
    return sink.list(size, 1).stream()
        .filter(h -> h.head().size() == size)
        .findFirst()
        .orElseThrow(
            () ->
                notFound("NO_SIGNED_HEAD", "treeSize", "no tree head was signed at size " + size));
  }

  private static Map<String, Object> head(AnchoredHead h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("treeSize", h.head().size());
    m.put("rootHash", B64.encodeToString(h.head().head().rootHash()));
    m.put("timestamp", h.head().head().timestamp().toString());
    m.put("checkpoint", h.head().note());
    m.put(
        "anchor",
        Map.of(
            "sink",
            h.receipt().sink(),
            "reference",
            h.receipt().reference(),
            "anchoredAt",
            h.receipt().anchoredAt().toString()));
    return m;
  }

  private static List<String> encode(List<byte[]> hashes) {
    return hashes.stream().map(B64::encodeToString).toList();
  }

  private static CommandRefusedException notFound(String rule, String field, String detail) {
    return new CommandRefusedException(HttpStatus.NOT_FOUND, rule, field, detail);
  }

  private static CommandRefusedException bad(String field, String rule) {
    return new CommandRefusedException(
        HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field, field + " " + rule);
  }
}
