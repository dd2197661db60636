package org.kpledger.api.zone;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zones and their compliance history. Decisions are public among participants (the KP Chair
 * communicates them to all), so every authenticated reader sees them; purchase counts follow the
 * read policy.
 */
@RestController
@Tag(name = "zones")
class ZoneController {
  private static final Set<String> STATUSES = Set.of("COMPLIANT", "SUSPENDED");
  private final ZoneHistoryQueries zones;
  private final ReadPolicy policy;
  private final Clock clock;

  ZoneController(ZoneHistoryQueries zones, ReadPolicy policy, Clock clock) {
    this.zones = zones;
    this.policy = policy;
    this.clock = clock;
  }

  @GetMapping("/api/zones")
  @Operation(summary = "Zones with their status on a day (today by default), by status, prefecture")
  Page<ZoneSummary> list(
      Actor reader,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String prefecture,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    if (status != null && !STATUSES.contains(status)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "status", "status must be one of " + STATUSES);
    }
    return Page.of(zones.list(day(asOf), status, prefecture), r);
  }

  @GetMapping("/api/sites")
  @Operation(
      summary =
          "Mining sites with their registered coordinates (WGS 84) and their zone's status on a"
              + " day (today by default), by zone and prefecture; site id order; every"
              + " authenticated reader")
  Page<SiteSummary> sites(
      Actor reader,
      @Parameter(description = "only the sites of this zone") @RequestParam(required = false)
          String zone,
      @Parameter(description = "only the sites of this prefecture's zones")
          @RequestParam(required = false)
          String prefecture,
      @Parameter(description = "the day the zones' status is read for (ISO date, Bangui)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    return Page.of(zones.sites(day(asOf), blankToNull(zone), blankToNull(prefecture)), r);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @GetMapping("/api/zones/{zoneId}/history")
  @Operation(
      summary =
          "A zone's decisions over time (signer, record time), its status on a day, and the "
              + "purchases bought while it was compliant and while it was not")
  ZoneHistory history(
      Actor reader,
      @PathVariable String zoneId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    boolean count = policy.countsPurchases(reader);
    String buyer = count ? policy.statisticsParty(reader, null, null) : null;
    return zones
        .history(zoneId, day(asOf), count, buyer)
        .orElseThrow(() -> QueryRefusedException.notFound("zoneId", "zone " + zoneId));
  }

  private LocalDate day(LocalDate asOf) {
    return asOf != null ? asOf : LedgerCalendar.dateOf(clock.instant());
  }
}
