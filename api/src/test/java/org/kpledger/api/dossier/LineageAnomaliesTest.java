package org.kpledger.api.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.api.anomaly.AnomalyFlag;
import org.kpledger.api.anomaly.AnomalyQueries;
import org.kpledger.api.projection.ProjectionStatus;
import org.kpledger.api.projection.Projections;

/** The dossier's anomaly flags: those naming the lineage, judged again whenever they may change. */
class LineageAnomaliesTest {
  private final AnomalyQueries anomalies = mock(AnomalyQueries.class);
  private final Projections projections = mock(Projections.class);
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private LineageAnomalies dossierFlags;

  @BeforeEach
  void flags() {
    when(anomalies.flags(any(), any()))
        .thenReturn(
            List.of(
                flag("VALUE_PER_CARAT_OUTLIER", "LOT-1"),
                flag("VALUE_PER_CARAT_OUTLIER", "LOT-OTHER"),
                flag("PURCHASE_JUMP", "MINER-9"),
                flag("CERTIFICATE_UNCONFIRMED", "CF-1")));
    positions(10, 10);
    dossierFlags = new LineageAnomalies(anomalies, projections, clock);
  }

  @Test
  void onlyTheFlagsNamingTheLineagesLotsMinersOrCertificate() {
    assertThat(dossierFlags.touching(Set.of("LOT-1", "MINER-9", "CF-1", "LOT-2")))
        .extracting(AnomalyFlag::subject)
        .containsExactly("LOT-1", "MINER-9", "CF-1");
    verify(anomalies).flags(LocalDate.of(1970, 1, 1), LocalDate.of(2026, 12, 5));
  }

  @Test
  void theFlagsAreJudgedAgainWhenAProjectionMovesOrTheBanguiDayChanges() {
    dossierFlags.touching(Set.of("LOT-1"));
    dossierFlags.touching(Set.of("MINER-9"));
    verify(anomalies, times(1)).flags(any(), any());
    positions(10, 11);
    dossierFlags.touching(Set.of("LOT-1"));
    verify(anomalies, times(2)).flags(any(), any());
    now.set(Instant.parse("2026-12-05T23:30:00Z")); // 00:30 on the 6th in Bangui (UTC+1)
    dossierFlags.touching(Set.of("LOT-1"));
    verify(anomalies, times(3)).flags(any(), any());
    positions(-1, 11);
    dossierFlags.touching(Set.of("LOT-1"));
    dossierFlags.touching(Set.of("LOT-1"));
    verify(anomalies, times(5)).flags(any(), any());
  }

  private void positions(long lineage, long certificates) {
    when(projections.status())
        .thenReturn(
            List.of(
                new ProjectionStatus("lineage", "p", true, false, lineage, 11, 0, List.of()),
                new ProjectionStatus(
                    "certificates", "p", true, false, certificates, 11, 0, List.of())));
  }

  private static AnomalyFlag flag(String kind, String subject) {
    return new AnomalyFlag(
        kind, subject, "2026-Q4", null, "G", BigDecimal.ONE, BigDecimal.ONE, kind + " " + subject);
  }
}
