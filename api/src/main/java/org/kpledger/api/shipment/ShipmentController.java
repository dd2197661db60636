package org.kpledger.api.shipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Set;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists shipments, e.g. every shipment touching a zone or a site in a period. A trader lists only
 * its own exports.
 */
@RestController
@Tag(name = "shipments")
class ShipmentController {
  private static final Set<String> STATUSES =
      Set.of("PROPOSED", "APPROVED", "REJECTED", "CERTIFIED", "EXPORTED");
  private final ShipmentQueries shipments;
  private final ReadPolicy policy;

  ShipmentController(ShipmentQueries shipments, ReadPolicy policy) {
    this.shipments = shipments;
    this.policy = policy;
  }

  @GetMapping("/api/shipments")
  @Operation(summary = "Shipments by exporter, status, origin zone or site, and proposal period")
  Page<ShipmentRow> list(
      Actor reader,
      @RequestParam(required = false) String exporter,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    if (status != null && !STATUSES.contains(status)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "status", "status must be one of " + STATUSES);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw QueryRefusedException.badParameter("INVALID_PERIOD", "to", "to is before from");
    }
    String who = exporter;
    if (!policy.seesEverything(reader)) {
      if (exporter != null && !exporter.equals(reader.party())) {
        throw QueryRefusedException.notVisible(
            "exporter", reader.party() + " may list its own shipments, not those of " + exporter);
      }
      who = reader.party();
    }
    return Page.of(
        shipments.list(new ShipmentQueries.Filter(who, status, zone, site, from, to)), r);
  }
}
