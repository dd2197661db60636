package org.kpledger.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.kpledger.api.registry.LicenceVerdict;
import org.kpledger.api.registry.RegistryQueries;

class ProjectedCustodyFactsTest {

  @Test
  void readsALicenceAsOfTodayInBanguiFromTheNodesClock() {
    RegistryQueries registry = mock(RegistryQueries.class);
    LocalDate july15 = LocalDate.of(2016, 7, 15);
    when(registry.licenceOn(eq("L-1"), any()))
        .thenAnswer(
            call ->
                new LicenceVerdict(
                    "L-1", "PATENTE", "M-1", call.getArgument(1), "NOT_YET_VALID", false));
    Clock at2330Utc = Clock.fixed(Instant.parse("2016-07-14T23:30:00Z"), ZoneOffset.UTC);

    var licence =
        new ProjectedCustodyFacts(registry, mock(LineageGraph.class), at2330Utc).licence("L-1");

    assertThat(licence).hasValueSatisfying(l -> assertThat(l.kind()).isEqualTo("PATENTE"));
    verify(registry).licenceOn("L-1", july15);
  }
}
