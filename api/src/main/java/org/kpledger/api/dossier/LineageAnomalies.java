package org.kpledger.api.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.anomaly.AnomalyQueries;
import org.kpledger.api.lineage.TracedLineage;
import org.kpledger.api.projection.ProjectionStatus;
import org.kpledger.api.projection.Projections;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.stereotype.Component;

/**
 * The anomaly flags ({@link AnomalyQueries}, judged over the whole history up to today) that name a
 * shipment's lots, their miners or its certificate. Judging the flags reads every purchase of the
 * ledger, so the whole list is kept while nothing it is judged from can have changed: the same
 * Bangui day and every projection at the same position (a projection whose position is unknown
 * keeps nothing).
 */
@Component
class LineageAnomalies {
  private static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

  private record Judged(LocalDate day, List<Long> positions, List<AnomalyFlag> flags) {}

  private final AnomalyQueries anomalies;
  private final Projections projections;
  private final Clock clock;
  private volatile Judged judged;

  LineageAnomalies(AnomalyQueries anomalies, Projections projections, Clock clock) {
    this.anomalies = anomalies;
    this.projections = projections;
    this.clock = clock;
  }

  /**
   * The flags on the lots and miners of {@code lineage}'s origins and on {@code certificateNumber}
   * (may be null), by kind, then subject.
   */
  public List<AnomalyFlag> of(TracedLineage lineage, String certificateNumber) {
    Set<String> subjects = new HashSet<>();
    lineage
        .origins()
        .forEach(
            o -> {
              subjects.add(o.origin().lotId());
              subjects.add(o.origin().origin().minerId());
            });
    if (certificateNumber != null) {
      subjects.add(certificateNumber);
    }
    return touching(subjects);
  }

  /** The flags naming any of {@code subjects}, by kind, then subject. */
  List<AnomalyFlag> touching(Collection<String> subjects) {
    LocalDate today = LedgerCalendar.dateOf(clock.instant());
    List<Long> positions = new ArrayList<>();
    for (ProjectionStatus p : projections.status()) {
      positions.add(p.position());
    }
    Judged j = judged;
    if (j == null || !j.day().equals(today) || !j.positions().equals(positions)) {
      // positions read before judging: a projection that moves meanwhile only costs a rejudging
      j = new Judged(today, List.copyOf(positions), anomalies.flags(BEGINNING, today));
      judged = positions.contains(-1L) ? null : j;
    }
    return j.flags().stream().filter(f -> subjects.contains(f.subject())).toList();
  }
}
