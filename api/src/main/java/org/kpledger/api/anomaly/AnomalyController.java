package org.kpledger.api.anomaly;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Monitoring Team's list of anomaly flags (overseers only). */
@RestController
@Tag(name = "anomalies")
class AnomalyController {
  private final AnomalyQueries anomalies;
  private final ReadPolicy policy;
  private final Clock clock;

  AnomalyController(AnomalyQueries anomalies, ReadPolicy policy, Clock clock) {
    this.anomalies = anomalies;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The flags of a period with the thresholds they were judged by.
   *
   * @param thresholds the thresholds in force ({@code kp.anomaly.*})
   * @param flags every flag, by kind, then subject
   */
  record Answer(
      LocalDate from, LocalDate to, AnomalyThresholds thresholds, List<AnomalyFlag> flags) {}

  @GetMapping("/api/anomalies")
  @Operation(
      summary =
          "Anomaly flags of a period: purchases whose US$/ct is an outlier in their zone and"
              + " quarter (median and MAD), miners whose quarterly purchases jump against their"
              + " history, sites selling in a quarter more than the production recorded"
              + " there for it and the quarter before, certificates without an import confirmation after the set delay; each"
              + " explained (Monitoring Team, KP authority, auditors)")
  Answer flags(
      Actor reader,
      @Parameter(description = "first day (ISO date); by default a year before to")
          @RequestParam(required = false)
          LocalDate from,
      @Parameter(description = "last day (ISO date, inclusive); by default today in Bangui")
          @RequestParam(required = false)
          LocalDate to) {
    policy.requireOverseer(reader, "anomaly flags");
    LocalDate last = to != null ? to : LedgerCalendar.dateOf(clock.instant());
    LocalDate first = from != null ? from : last.minusYears(1);
    if (last.isBefore(first)) {
      throw QueryRefusedException.badParameter(
          "INVALID_PERIOD", "to", "to (" + last + ") is before from (" + first + ")");
    }
    List<AnomalyFlag> flags = anomalies.flags(first, last);
    return new Answer(first, last, anomalies.thresholds(), flags);
  }
}
