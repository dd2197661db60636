package org.kpledger.api.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.custody.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The custody history as GS1 EPCIS 2.0 JSON-LD documents, for trading centres and traceability
 * platforms that speak EPCIS. Whole events name parties, prices and sites: overseers only (the
 * Monitoring Team, the KP authority, auditors), like the dossier and the audit bundle.
 */
@RestController
@Tag(name = "epcis")
class EpcisController {
  static final String LD_JSON = "application/ld+json";
  private static final int MAX_LIMIT = 10_000;
  private final EpcisExport export;
  private final ShipmentQueries shipments;
  private final ReadPolicy policy;

  EpcisController(EpcisExport export, ShipmentQueries shipments, ReadPolicy policy) {
    this.export = export;
    this.shipments = shipments;
    this.policy = policy;
  }

  @GetMapping(
      value = "/api/epcis/events",
      produces = {LD_JSON, "application/json"})
  @Operation(
      summary =
          "An EPCIS 2.0 document of the custody events whose eventTime lies in [from, to),"
              + " scanning the log in leaf order from fromLeaf; at most limit events, and"
              + " kp:nextFromLeaf names where the next page starts when the scan stopped early."
              + " Each event carries kp:ledgerEventId and kp:leafIndex (overseers only)")
  ObjectNode events(
      Actor reader,
      @Parameter(description = "ISO-8601 instant, inclusive; by default the beginning")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "ISO-8601 instant, exclusive; by default no end")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "the first leaf to scan (a previous kp:nextFromLeaf); default 0")
          @RequestParam(defaultValue = "0")
          long fromLeaf,
      @Parameter(description = "at most this many events, 1 to 10000; default 1000")
          @RequestParam(defaultValue = "1000")
          int limit) {
    policy.requireOverseer(reader, "EPCIS exports");
    if (fromLeaf < 0) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "fromLeaf", "fromLeaf must be 0 or more, not " + fromLeaf);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "limit", "limit must be between 1 and 10000, not " + limit);
    }
    Instant start = instant("from", from, Instant.EPOCH);
    Instant end = instant("to", to, Instant.parse("9999-12-31T23:59:59Z"));
    if (!start.isBefore(end)) {
      throw QueryRefusedException.badParameter("INVALID_PARAMETER", "to", "to must be after from");
    }
    return export.range(start, end, fromLeaf, limit);
  }

  @GetMapping(
      value = "/api/epcis/shipments/{shipmentId}",
      produces = {LD_JSON, "application/json"})
  @Operation(
      summary =
          "An EPCIS 2.0 document of every custody event of a shipment's lineage: the shipment,"
              + " its KP certificate and every lot and parcel its trace back walks, one EPCIS"
              + " event per ledger event, in leaf order (overseers only)")
  ObjectNode shipment(Actor reader, @PathVariable String shipmentId) {
    policy.requireOverseer(reader, "EPCIS exports");
    return export.lineage(
        shipments
            .find(shipmentId)
            .orElseThrow(
                () -> QueryRefusedException.notFound("shipmentId", "shipment " + shipmentId)));
  }

  private static Instant instant(String field, String text, Instant otherwise) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER",
          field,
          field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not " + text);
    }
  }
}
