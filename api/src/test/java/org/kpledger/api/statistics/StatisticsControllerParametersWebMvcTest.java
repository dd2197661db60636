package org.kpledger.api.statistics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A slice of the web layer: {@link StatisticsController} with the node's problem answers and reader
 * resolution, on MockMvc, its queries, the registry and the read policy mocked, no node. The
 * figures and whose rows a trader reads are asserted over a whole node ({@code StatisticsTest});
 * here: a bad month or a reversed range is a 400 naming the rule and the parameter, a zone or
 * buying office the registry does not know is a 404 naming it, all before any statistics query
 * runs, and a range not given is the twelve months up to the current one in Bangui.
 */
@WebMvcTest(
    controllers = StatisticsController.class,
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.kpledger\\.api\\.(access|operations|problem)\\..*Filter"))
class StatisticsControllerParametersWebMvcTest {
  /** Where the read authentication filter leaves the authenticated reader. */
  private static final String READER = "org.kpledger.api.access.ReadAuthenticationFilter.actor";

  /** 23:30 UTC on 31 December 2024 is 00:30 on 1 January 2025 in Bangui (UTC+1). */
  private static final Instant NOW = Instant.parse("2024-12-31T23:30:00Z");

  private static final Actor MONITOR =
      new Actor("mt-monitor", "KP-MT", OrganisationType.MONITORING_TEAM, Role.MONITOR);

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean StatisticsQueries statistics;
  @MockitoBean RegistryQueries registry;
  @MockitoBean ReadPolicy policy;

  private static MockHttpServletRequestBuilder read(String target) {
    return get(target).requestAttr(READER, MONITOR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/statistics/production?from=2016-13, 400, INVALID_PARAMETER, from",
    "/api/statistics/production?to=2016-5, 400, INVALID_PARAMETER, to",
    "/api/statistics/offices?from=2016-05-01, 400, INVALID_PARAMETER, from",
    "/api/statistics/production?from=2016-05&to=2016-04, 400, INVALID_PERIOD, to",
    "/api/statistics/exports?from=2025-02, 400, INVALID_PERIOD, to",
    "/api/statistics/exports?from=2016-01&size=501, 400, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/statistics/production?zone=Z-NONE, 404, UNKNOWN_ID, zone",
    "/api/statistics/offices?office=COLL-MK, 404, UNKNOWN_ID, office",
    "/api/statistics/exports?exporter=BO-NONE, 404, UNKNOWN_ID, exporter",
  })
  void aBadParameterIsRefusedNamingTheRuleAndTheParameterBeforeAnyStatisticsQueryRuns(
      String target, int status, String rule, String field) throws Exception {
    when(policy.statisticsParty(eq(MONITOR), any(), any())).thenAnswer(call -> call.getArgument(1));
    mvc.perform(read(target))
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value(rule))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    verifyNoInteractions(statistics);
  }

  @Test
  void aRangeNotGivenIsTheTwelveMonthsUpToTheCurrentOneInBangui() throws Exception {
    when(statistics.production(any(), any(), any())).thenReturn(List.of());

    mvc.perform(read("/api/statistics/production"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2024-02"))
        .andExpect(jsonPath("$.to").value("2025-01"));
    verify(statistics)
        .production(new MonthRange(YearMonth.of(2024, 2), YearMonth.of(2025, 1)), null, null);
  }

  @Test
  void aSingleMonthIsAValidRangeAndAKnownZoneIsPassedOn() throws Exception {
    when(registry.zoneExists("Z-BODA")).thenReturn(true);
    when(policy.statisticsParty(MONITOR, null, "buyer")).thenReturn(null);
    when(statistics.production(any(), any(), any())).thenReturn(List.of());

    mvc.perform(read("/api/statistics/production?from=2016-05&to=2016-05&zone=Z-BODA"))
        .andExpect(status().isOk());
    verify(statistics)
        .production(new MonthRange(YearMonth.of(2016, 5), YearMonth.of(2016, 5)), "Z-BODA", null);
  }
}
