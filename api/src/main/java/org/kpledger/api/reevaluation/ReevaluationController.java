package org.kpledger.api.reevaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The re-evaluations: the Monitoring Team, the KP authority and auditors read all; any other
 * organisation those of the shipments it exported and the lots it bought.
 */
@RestController
@Tag(name = "re-evaluations")
class ReevaluationController {
  private final ReevaluationQueries queries;
  private final ReadPolicy policy;

  ReevaluationController(ReevaluationQueries queries, ReadPolicy policy) {
    this.queries = queries;
    this.policy = policy;
  }

  @GetMapping("/api/re-evaluations")
  @Operation(
      summary =
          "Export-gate verdicts that changed after the fact: origins of shipments (judged as known"
              + " at the shipment's last gate step) and purchases (as known when recorded) whose"
              + " verdict as known now differs, with the zone decisions or licence changes"
              + " recorded later that changed them; newest first (Monitoring Team, KP authority,"
              + " auditors: all; others their own shipments and purchases)")
  Page<ReevaluatedVerdict> list(
      Actor reader,
      @Parameter(description = "only origins in this zone") @RequestParam(required = false)
          String zone,
      @Parameter(description = "only this shipment's origins (purchases are then left out)")
          @RequestParam(required = false)
          String shipment,
      @Parameter(
              description =
                  "first day the re-evaluation was raised, i.e. the latest decision that caused"
                      + " it was recorded (ISO date, Bangui)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @Parameter(description = "last day it was raised (ISO date, Bangui, inclusive)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    if (from != null && to != null && to.isBefore(from)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "to", "to (" + to + ") is before from (" + from + ")");
    }
    String party = policy.seesEverything(reader) ? null : reader.party();
    return Page.of(
        queries.list(
            new ReevaluationQueries.Filter(
                blankToNull(zone),
                blankToNull(shipment),
                party,
                from == null ? null : from.atStartOfDay(LedgerCalendar.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(LedgerCalendar.ZONE).toInstant())),
        r);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
