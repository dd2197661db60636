package org.kpledger.api.zone;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.custody.Actor;
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
 * A slice of the web layer: {@link ZoneController} with the node's problem answers and reader
 * resolution, on MockMvc, its queries and read policy mocked, no node. The reader is put where the
 * read authentication filter puts it; signed reads themselves are asserted over a whole node
 * ({@code ReadAuthenticationTest}, {@code ZoneHistoryTest}). Here: a bad parameter is a 400 naming
 * the rule and the parameter before any query runs, and a day not given is today in Bangui.
 */
@WebMvcTest(
    controllers = ZoneController.class,
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.kpledger\\.api\\.(access|operations|problem)\\..*Filter"))
class ZoneControllerParametersWebMvcTest {
  /** Where the read authentication filter leaves the authenticated reader. */
  private static final String READER = "org.kpledger.api.access.ReadAuthenticationFilter.actor";

  /** 23:30 UTC on 4 March is 00:30 on 5 March in Bangui (UTC+1). */
  private static final Instant NOW = Instant.parse("2024-03-04T23:30:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean ZoneHistoryQueries zones;
  @MockitoBean ReadPolicy policy;

  private static MockHttpServletRequestBuilder read(String target) {
    return get(target).requestAttr(READER, mock(Actor.class));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/zones?status=RETIRED, INVALID_PARAMETER, status",
    "/api/zones?asOf=2020-02-30, INVALID_PARAMETER, asOf",
    "/api/zones?size=0, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/zones?size=501, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/zones?page=-1, PAGE_OUT_OF_RANGE, page",
    "/api/sites?size=ten, INVALID_PARAMETER, size",
    "/api/sites?asOf=soon, INVALID_PARAMETER, asOf",
    "/api/zones/Z-1/history?asOf=2024-1-1, INVALID_PARAMETER, asOf",
  })
  void aBadParameterIsA400NamingTheRuleAndTheParameterBeforeAnyQueryRuns(
      String target, String rule, String field) throws Exception {
    mvc.perform(read(target))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value(rule))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    verifyNoInteractions(zones);
  }

  @Test
  void aReadWithoutAnAuthenticatedReaderIsRefused() throws Exception {
    mvc.perform(get("/api/zones"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.rule").value("MISSING_CREDENTIALS"));
    verifyNoInteractions(zones);
  }

  @Test
  void aDayNotGivenIsTodayInBanguiAndABlankZoneIsNoFilter() throws Exception {
    when(zones.list(any(), any(), any())).thenReturn(List.of());
    when(zones.sites(any(), any(), any())).thenReturn(List.of());

    mvc.perform(read("/api/zones")).andExpect(status().isOk());
    verify(zones).list(LocalDate.of(2024, 3, 5), null, null);

    mvc.perform(
            read("/api/sites")
                .param("asOf", "2019-12-31")
                .param("zone", " ")
                .param("prefecture", "Lobaye"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    verify(zones).sites(LocalDate.of(2019, 12, 31), null, "Lobaye");
  }

  @Test
  void anUnknownZoneIsA404NamingTheZoneId() throws Exception {
    when(zones.history(eq("Z-NONE"), any(), eq(false), isNull())).thenReturn(Optional.empty());

    mvc.perform(read("/api/zones/Z-NONE/history"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.rule").value("UNKNOWN_ID"))
        .andExpect(jsonPath("$.field").value("zoneId"));
    verify(zones).history("Z-NONE", LocalDate.of(2024, 3, 5), false, null);
  }
}
