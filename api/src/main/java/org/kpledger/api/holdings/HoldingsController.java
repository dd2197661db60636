package org.kpledger.api.holdings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Set;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.lineage.LineageGraph;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Holdings as of any day, for a party or for the items of a declared stockpile. */
@RestController
@Tag(name = "holdings")
class HoldingsController {
  private static final Set<String> PERIODS =
      Set.of("BEFORE_SUSPENSION", "DURING_SUSPENSION", "MIXED", "UNDOCUMENTED");
  private static final String PERIOD =
      "BEFORE_SUSPENSION (every origin acquired before 23 May 2013), DURING_SUSPENSION (on or"
          + " after it), MIXED or UNDOCUMENTED (an origin without a date)";
  private final HoldingsQuery query;
  private final ReadPolicy policy;
  private final LineageGraph graph;

  HoldingsController(HoldingsQuery query, ReadPolicy policy, LineageGraph graph) {
    this.query = query;
    this.policy = policy;
    this.graph = graph;
  }

  @GetMapping("/api/holdings")
  @Operation(summary = "What a party held at the end of a day, by origin zone and period")
  Holdings holdings(
      Actor reader,
      @RequestParam String holder,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String zone,
      @Parameter(description = PERIOD) @RequestParam(required = false) String period,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    policy.requireParty(reader, holder, "holder");
    return query.ofHolder(holder, asOf, zone, period(period), r);
  }

  @GetMapping("/api/stockpiles/{stockpileId}/holdings")
  @Operation(summary = "What remained of a declared stockpile's items at the end of a day")
  Holdings stockpile(
      Actor reader,
      @PathVariable String stockpileId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String zone,
      @Parameter(description = PERIOD) @RequestParam(required = false) String period,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    var items = graph.itemsOfStockpile(stockpileId);
    if (!policy.seesEverything(reader)) {
      if (items.isEmpty() || !items.stream().allMatch(i -> policy.mayFollow(reader, i))) {
        throw QueryRefusedException.notVisible(
            "stockpileId", reader.party() + " may read only stockpiles it declared");
      }
    } else if (items.isEmpty()) {
      throw QueryRefusedException.notFound("stockpileId", "stockpile " + stockpileId);
    }
    return query.ofStockpile(stockpileId, asOf, zone, period(period), r);
  }

  private static String period(String period) {
    if (period != null && !PERIODS.contains(period)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "period", "period must be one of " + PERIODS);
    }
    return period;
  }
}
