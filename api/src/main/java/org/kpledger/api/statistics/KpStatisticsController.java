package org.kpledger.api.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KP statistics as the KP collects them: trade per quarter and production per half-year by default,
 * or per month (CAR's monthly reporting since 2019), as JSON or, with {@code Accept: text/csv}, as
 * CSV. Read authorisation as for the monthly statistics: overseers read every row, a trader only
 * its own.
 */
@RestController
@Tag(name = "statistics")
class KpStatisticsController {
  private static final String MONTH =
      "an ISO-8601 month such as 2019-01 that starts a period; by default January of this year";
  private static final String TO =
      "an ISO-8601 month that ends a period; by default December of the year of from";
  private static final String PERIOD = "MONTH, QUARTER or HALF_YEAR";
  private final KpStatisticsQueries statistics;
  private final ReadPolicy policy;
  private final RegistryQueries registry;
  private final Clock clock;

  KpStatisticsController(
      KpStatisticsQueries statistics, ReadPolicy policy, RegistryQueries registry, Clock clock) {
    this.statistics = statistics;
    this.policy = policy;
    this.registry = registry;
    this.clock = clock;
  }

  @GetMapping(
      value = "/api/statistics/kp/trade",
      produces = {MediaType.APPLICATION_JSON_VALUE, StatisticsCsv.MEDIA_TYPE})
  @Operation(
      summary =
          "KP trade statistics per period (QUARTER by default), partner country and HS code:"
              + " shipments, carats and US$ exported, US$/ct, certificates issued; CSV with"
              + " Accept: text/csv")
  ResponseEntity<?> trade(
      Actor reader,
      @Parameter(description = PERIOD) @RequestParam(defaultValue = "QUARTER") String period,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth from,
      @Parameter(description = TO) @RequestParam(required = false) YearMonth to,
      @RequestParam(required = false) String exporter,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportingPeriod p = period(period);
    MonthRange range = p.whole(from, to, currentMonth());
    String party = policy.statisticsParty(reader, exporter, "exporter");
    if (exporter != null && !registry.holdsLicence(exporter, "EXPORT_LICENCE")) {
      throw QueryRefusedException.notFound(
          "exporter", "buying office with an export licence " + exporter);
    }
    List<TradeRow> rows = statistics.trade(p, range, party);
    KpStatistics<TradeRow> s =
        new KpStatistics<>(
            p.name(), range.from(), range.to(), party, KpStatisticsQueries.tradeTotal(rows), rows);
    return answer(accept, s, StatisticsCsv.trade(s), "kp-trade");
  }

  @GetMapping(
      value = "/api/statistics/kp/production",
      produces = {MediaType.APPLICATION_JSON_VALUE, StatisticsCsv.MEDIA_TYPE})
  @Operation(
      summary =
          "KP production statistics per period (HALF_YEAR by default) and zone: purchases,"
              + " carats, US$, US$/ct, flagged purchases and flagged site-quarters (overseers);"
              + " CSV with Accept: text/csv")
  ResponseEntity<?> production(
      Actor reader,
      @Parameter(description = PERIOD) @RequestParam(defaultValue = "HALF_YEAR") String period,
      @Parameter(description = MONTH) @RequestParam(required = false) YearMonth from,
      @Parameter(description = TO) @RequestParam(required = false) YearMonth to,
      @RequestParam(required = false) String zone,
      @RequestParam(required = false) String buyer,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportingPeriod p = period(period);
    MonthRange range = p.whole(from, to, currentMonth());
    String party = policy.statisticsParty(reader, buyer, "buyer");
    if (zone != null && !registry.zoneExists(zone)) {
      throw QueryRefusedException.notFound("zone", "zone " + zone);
    }
    List<ProductionPeriodRow> rows = statistics.production(p, range, zone, party);
    KpStatistics<ProductionPeriodRow> s =
        new KpStatistics<>(
            p.name(),
            range.from(),
            range.to(),
            party,
            KpStatisticsQueries.productionTotal(rows),
            rows);
    return answer(accept, s, StatisticsCsv.production(s), "kp-production");
  }

  private static ResponseEntity<?> answer(String accept, Object json, String csv, String name) {
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains(StatisticsCsv.MEDIA_TYPE)) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".csv\"")
          .body(csv);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  private static ReportingPeriod period(String text) {
    try {
      return ReportingPeriod.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "period", "period must be " + PERIOD + ", not " + text);
    }
  }

  private YearMonth currentMonth() {
    return YearMonth.from(LedgerCalendar.dateOf(clock.instant()));
  }
}
