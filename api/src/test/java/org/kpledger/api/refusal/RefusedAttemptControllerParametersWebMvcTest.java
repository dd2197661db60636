package org.kpledger.api.refusal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A slice of the web layer: {@link RefusedAttemptController} with the node's problem answers and
 * reader resolution, on MockMvc, its queries and read policy mocked, no node. The attempts and the
 * signed reads are asserted over a whole node ({@code RefusedAttemptsTest}); the filters' SQL in
 * {@link RefusedAttemptFiltersOverJdbcTest}. Here: a bad parameter is a 400 naming the rule and the
 * parameter before any query runs, and which filter each reader's query gets.
 */
@WebMvcTest(
    controllers = RefusedAttemptController.class,
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.kpledger\\.api\\.(access|operations|problem)\\..*Filter"))
class RefusedAttemptControllerParametersWebMvcTest {
  /** Where the read authentication filter leaves the authenticated reader. */
  private static final String READER = "org.kpledger.api.access.ReadAuthenticationFilter.actor";

  private static final Actor ALPHA =
      new Actor("alpha-buyer", "BO-ALPHA", OrganisationType.BUYING_OFFICE, Role.BUYER);
  private static final Actor COLLECTOR =
      new Actor("col-mbali", "COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, Role.COLLECTOR);
  private static final Actor MONITOR =
      new Actor("mt-monitor", "KP-MT", OrganisationType.MONITORING_TEAM, Role.MONITOR);

  @Autowired MockMvc mvc;
  @MockitoBean RefusedAttemptQueries attempts;
  @MockitoBean ReadPolicy policy;

  private static MockHttpServletRequestBuilder read(String target, Actor reader) {
    return get(target).requestAttr(READER, reader);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/refused-attempts?from=2024-03-06&to=2024-03-05, INVALID_PARAMETER, to",
    "/api/refused-attempts?from=2024-13-01, INVALID_PARAMETER, from",
    "/api/refused-attempts?to=last-week, INVALID_PARAMETER, to",
    "/api/refused-attempts?size=501, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/refused-attempts?page=-1, PAGE_OUT_OF_RANGE, page",
    "/api/refused-attempts?organisation=BO-BETA, NOT_VISIBLE, organisation",
  })
  void aBadOrForbiddenParameterIsRefusedNamingTheRuleAndTheParameterBeforeAnyQueryRuns(
      String target, String rule, String field) throws Exception {
    mvc.perform(read(target, ALPHA))
        .andExpect(status().is4xxClientError())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value(rule))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    verifyNoInteractions(attempts);
  }

  @Test
  void aSingleDayIsAValidRangeAndBlankFiltersAreNone() throws Exception {
    when(policy.seesEverything(MONITOR)).thenReturn(true);
    when(attempts.page(any(), any())).thenReturn(new Page<>(List.of(), 0, 50, 0));

    mvc.perform(
            read("/api/refused-attempts", MONITOR)
                .param("from", "2024-03-05")
                .param("to", "2024-03-05")
                .param("commandType", " ")
                .param("subject", ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    verify(attempts)
        .page(
            new RefusedAttemptQueries.Filter(
                null, null, null, null, LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 5)),
            PageRequest.of(null, null));
  }

  @Test
  void anOrganisationReadsItsOwnAttemptsAndACollectorOnlyItsOwnSignatures() throws Exception {
    when(attempts.page(any(), any())).thenReturn(new Page<>(List.of(), 0, 50, 0));

    mvc.perform(read("/api/refused-attempts?subject=SH-1", ALPHA)).andExpect(status().isOk());
    verify(attempts)
        .page(
            new RefusedAttemptQueries.Filter("BO-ALPHA", null, null, "SH-1", null, null),
            PageRequest.of(null, null));

    mvc.perform(read("/api/refused-attempts?organisation=COLL-MK", COLLECTOR))
        .andExpect(status().isOk());
    verify(attempts)
        .page(
            new RefusedAttemptQueries.Filter("COLL-MK", "col-mbali", null, null, null, null),
            PageRequest.of(null, null));

    when(policy.seesEverything(MONITOR)).thenReturn(true);
    mvc.perform(
            read("/api/refused-attempts?organisation=BO-BETA&commandType=OfferTransfer", MONITOR))
        .andExpect(status().isOk());
    verify(attempts)
        .page(
            new RefusedAttemptQueries.Filter("BO-BETA", null, "OfferTransfer", null, null, null),
            PageRequest.of(null, null));
  }

  @Test
  void aReadWithoutAnAuthenticatedReaderIsRefused() throws Exception {
    mvc.perform(get("/api/refused-attempts"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.rule").value("MISSING_CREDENTIALS"));
    verifyNoInteractions(attempts);
  }
}
