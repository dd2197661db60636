package org.kpledger.api.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.shipment.ShipmentQueries;
import org.kpledger.custody.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of any aggregate (zone, licence, miner, site, item, stockpile, shipment,
 * certificate): its events in order with their signers. Overseers read any; a trader reads the
 * items it held and the shipments it exported.
 */
@RestController
@Tag(name = "history")
class HistoryController {
  private final AggregateHistory history;
  private final ReadPolicy policy;
  private final ShipmentQueries shipments;

  HistoryController(AggregateHistory history, ReadPolicy policy, ShipmentQueries shipments) {
    this.history = history;
    this.policy = policy;
    this.shipments = shipments;
  }

  @GetMapping("/api/history/{aggregateId}")
  @Operation(summary = "An aggregate's events in order, with signer identities and envelopes")
  Page<HistoryEntry> history(
      Actor reader,
      @PathVariable String aggregateId,
      @RequestParam(required = false) String eventType,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    if (!policy.seesEverything(reader)) {
      boolean exported =
          shipments.find(aggregateId).map(s -> s.exporter().equals(reader.party())).orElse(false);
      if (!exported) {
        policy.requireItem(reader, aggregateId, "aggregateId");
      }
    }
    List<HistoryEntry> events = history.of(aggregateId);
    if (events.isEmpty()) {
      throw QueryRefusedException.notFound("aggregateId", "aggregate " + aggregateId);
    }
    return Page.of(
        events.stream().filter(e -> eventType == null || e.eventType().equals(eventType)).toList(),
        r);
  }
}
