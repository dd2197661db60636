package org.kpledger.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly statistics over a range of months ({@code from} and {@code to} as 2016-05; by default the
 * last twelve months). The Monitoring Team, the KP authority and auditors read every row; a trader
 * reads only its own purchases, acquisitions and exports.
 */
@RestController
@Tag(name = "statistics")
class StatisticsController {
  private static final String MONTH = "an ISO-8601 month such as 2016-05";
  private final StatisticsQueries statistics;
  private final ReadPolicy policy;
  private final RegistryQueries registry;
  private final Clock clock;

  StatisticsController(
      StatisticsQueries statistics, ReadPolicy policy, RegistryQueries registry, Clock clock) {
    this.statistics = statistics;
    this.policy = policy;
    this.registry = registry;
    this.clock = clock;
  }

  @GetMapping("/api/statistics/production")
  @Operation(summary = "Purchases per zone and month: slips, carats, US$ paid")
  StatisticsReport<ProductionRow> production(
      Actor reader,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth from,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth to,
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) String buyer,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    MonthRange range = range(from, to);
    String party = policy.statisticsParty(reader, buyer, "buyer");
    if (zone != null && !registry.zoneExists(zone)) {
      throw QueryRefusedException.notFound("zone", "zone " + zone);
    }
    List<ProductionRow> rows = statistics.production(range, zone, party);
    return report(range, party, Totals.production(rows), rows, r);
  }

  @GetMapping("/api/statistics/offices")
  @Operation(summary = "Each buying office's carats acquired and exported, and values, per month")
  StatisticsReport<OfficeRow> offices(
      Actor reader,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth from,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth to,
      @RequestParam(required = false) String office,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    MonthRange range = range(from, to);
    String party = policy.statisticsParty(reader, office, "office");
    requireBuyingOffice(office, "office");
    List<OfficeRow> rows = statistics.offices(range, party);
    return report(range, party, Totals.offices(rows), rows, r);
  }

  @GetMapping("/api/statistics/exports")
  @Operation(summary = "Shipments exported per month (count, carats, US$) and certificates issued")
  StatisticsReport<ExportRow> exports(
      Actor reader,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth from,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth to,
      @RequestParam(required = false) String exporter,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    MonthRange range = range(from, to);
    String party = policy.statisticsParty(reader, exporter, "exporter");
    requireBuyingOffice(exporter, "exporter");
    List<ExportRow> rows = statistics.exports(range, party);
    return report(range, party, Totals.exports(rows), rows, r);
  }

  /** A party asked for by name must hold, or have held, an export licence (a buying office). */
  private void requireBuyingOffice(String party, String field) {
    if (party != null && !registry.holdsLicence(party, "EXPORT_LICENCE")) {
      throw QueryRefusedException.notFound(field, "buying office with an export licence " + party);
    }
  }

  private MonthRange range(YearMonth from, YearMonth to) {
    return MonthRange.of(from, to, YearMonth.from(LedgerCalendar.dateOf(clock.instant())));
  }

  private static <R> StatisticsReport<R> report(
      MonthRange range, String party, R total, List<R> rows, PageRequest r) {
    return new StatisticsReport<>(range.from(), range.to(), party, total, Page.of(rows, r));
  }
}
