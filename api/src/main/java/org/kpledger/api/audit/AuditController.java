package org.kpledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.envelope.CommandEnvelopes;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.settings.AnchoringProperties;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.Actor;
import org.kpledger.merkle.jdbc.JdbcNodeStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/audit/bundle?from=&to=} (leaves anchored in the time range) or {@code
 * ?shipmentId=} (one shipment's custody chain), optionally {@code &previousSize=} (the size of the
 * auditor's last checkpoint, to include the consistency proof from it) and {@code
 * &inclusionProofs=false} (a range bundle without per-leaf proofs): an {@code application/zip}
 * audit bundle; {@code GET /api/audit/events/{eventId}/leaf}: one event's leaf bytes, its line of
 * the bundle's {@code events.jsonl}.
 */
@RestController
class AuditController {
  private final BundleExporter exporter;

  private final ReadPolicy policy;

  private final StoredEvents events;

  AuditController(
      ReadPolicy policy,
      JdbcTemplate jdbc,
      DataSource dataSource,
      @Lazy Configuration axon,
      LocalAnchorSink sink,
      TrustRoot trust,
      CheckpointVerifier logKey,
      AnchoringProperties anchoring,
      FabricEvidence fabric,
      CommandEnvelopes envelopes,
      Clock clock) {
    this.policy = policy;
    this.events = new StoredEvents(jdbc, axon.eventSerializer());
    this.exporter =
        new BundleExporter(
            jdbc,
            events,
            envelopes,
            new JdbcNodeStore(dataSource::getConnection, JdbcLeafIndex.LEAF_HASHES),
            sink,
            trust,
            logKey,
            anchoring,
            fabric,
            clock);
  }

  @GetMapping("/api/audit/bundle")
  ResponseEntity<StreamingResponseBody> bundle(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String shipmentId,
      @RequestParam(required = false) Long previousSize,
      @RequestParam(defaultValue = "true") boolean inclusionProofs,
      @Parameter(hidden = true) Actor reader) {
    // a bundle carries whole events and envelopes (names, prices): overseers only
    policy.requireOverseer(reader, "audit bundles");
    if ((shipmentId == null) == (from == null && to == null)) {
      throw bad("scope", "give either from and to, or shipmentId");
    }
    BundleExporter.Scope scope =
        shipmentId != null
            ? new BundleExporter.Scope(null, null, shipmentId, previousSize, true)
            : new BundleExporter.Scope(
                instant("from", from, Instant.EPOCH),
                instant("to", to, Instant.parse("9999-12-31T23:59:59Z")),
                null,
                previousSize,
                inclusionProofs);
    AnchoredHead newest =
        exporter
            .newest()
            .orElseThrow(
                () ->
                    new CommandRefusedException(
                        HttpStatus.NOT_FOUND, "NO_SIGNED_HEAD", null, "no head signed yet"));
    String name = shipmentId != null ? "shipment-" + shipmentId : "range";
    StreamingResponseBody body = out -> exporter.export(scope, newest, out);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, "application/zip")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"kp-audit-" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".zip\"")
        .body(body);
  }

  @GetMapping(path = "/api/audit/events/{eventId}/leaf", produces = "application/json")
  @Operation(
      summary =
          "One event's leaf bytes as the event store holds it: the RFC 8785 canonical UTF-8 JSON"
              + " object of format kp-ledger/leaf/v1 or kp-ledger/leaf/v2 (its line in an audit"
              + " bundle's events.jsonl), so that SHA-256(0x00 || body) is the event's leaf hash,"
              + " to be checked against GET /api/log/events/{eventId}/inclusion. A v1 leaf holds"
              + " the whole signed envelope in metaData.envelope; a v2 leaf (events written since"
              + " the envelope is stored once per command) holds metaData.envelopeSha256, the"
              + " hex SHA-256 of the envelope, which is served by GET /api/history/{aggregateId}"
              + " (the event's entry) and carried in an audit bundle's envelopes.jsonl. The"
              + " Monitoring Team, the KP authority and auditors only; 404 UNKNOWN_ID for an"
              + " event the store does not hold")
  ResponseEntity<byte[]> leaf(
      @Parameter(description = "the event's identifier (eventId of a leaf)") @PathVariable
          String eventId,
      @Parameter(hidden = true) Actor reader) {
    policy.requireOverseer(reader, "an event's leaf bytes");
    byte[] leaf = events.leafBytes(List.of(eventId)).get(eventId);
    if (leaf == null) {
      throw QueryRefusedException.notFound("eventId", "event " + eventId + " in the event store");
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json").body(leaf);
  }

  private static Instant instant(String field, String text, Instant otherwise) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  private static CommandRefusedException bad(String field, String rule) {
    return new CommandRefusedException(
        HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field, field + ": " + rule);
  }
}
