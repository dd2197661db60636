package org.kpledger.api.holdings;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.lineage.LineageGraph;
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
 * A slice of the web layer: {@link HoldingsController} with the node's problem answers and reader
 * resolution, on MockMvc, its query, lineage graph and read policy mocked, no node. Holdings
 * themselves and who may read whose are asserted over a whole node ({@code HoldingsTest}, {@code
 * StockpileHoldingsTest}); here a bad or missing parameter is a 400 naming the rule and the
 * parameter before any query runs, and a stockpile nobody declared is refused by its id.
 */
@WebMvcTest(
    controllers = HoldingsController.class,
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.kpledger\\.api\\.(access|operations|problem)\\..*Filter"))
class HoldingsControllerParametersWebMvcTest {
  /** Where the read authentication filter leaves the authenticated reader. */
  private static final String READER = "org.kpledger.api.access.ReadAuthenticationFilter.actor";

  private static final Actor ALPHA =
      new Actor("alpha-buyer", "BO-ALPHA", OrganisationType.BUYING_OFFICE, Role.BUYER);

  @Autowired MockMvc mvc;
  @MockitoBean HoldingsQuery query;
  @MockitoBean LineageGraph graph;
  @MockitoBean ReadPolicy policy;

  private static MockHttpServletRequestBuilder read(String target) {
    return get(target).requestAttr(READER, ALPHA);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/holdings?asOf=2024-03-05, MISSING_PARAMETER, holder",
    "/api/holdings?holder=BO-ALPHA, MISSING_PARAMETER, asOf",
    "/api/holdings?holder=BO-ALPHA&asOf=2024-02-30, INVALID_PARAMETER, asOf",
    "/api/holdings?holder=BO-ALPHA&asOf=yesterday, INVALID_PARAMETER, asOf",
    "/api/holdings?holder=BO-ALPHA&asOf=2024-03-05&period=LATE, INVALID_PARAMETER, period",
    "/api/holdings?holder=BO-ALPHA&asOf=2024-03-05&size=0, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/holdings?holder=BO-ALPHA&asOf=2024-03-05&page=-1, PAGE_OUT_OF_RANGE, page",
    "/api/holdings?holder=BO-ALPHA&asOf=2024-03-05&page=one, INVALID_PARAMETER, page",
    "/api/stockpiles/ST-1/holdings, MISSING_PARAMETER, asOf",
    "/api/stockpiles/ST-1/holdings?asOf=2024-3-5, INVALID_PARAMETER, asOf",
    "/api/stockpiles/ST-1/holdings?asOf=2024-03-05&size=501, PAGE_SIZE_OUT_OF_RANGE, size",
  })
  void aBadParameterIsA400NamingTheRuleAndTheParameterBeforeAnyQueryRuns(
      String target, String rule, String field) throws Exception {
    mvc.perform(read(target))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value(rule))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    verifyNoInteractions(query);
  }

  @Test
  void aStockpilesPeriodIsCheckedOnceItsItemsMayBeReadAndBeforeItsHoldingsAreAssembled()
      throws Exception {
    when(policy.seesEverything(ALPHA)).thenReturn(true);
    when(graph.itemsOfStockpile("ST-1")).thenReturn(List.of("STK-1"));

    mvc.perform(read("/api/stockpiles/ST-1/holdings?asOf=2024-03-05&period=SOON"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.rule").value("INVALID_PARAMETER"))
        .andExpect(jsonPath("$.field").value("period"));
    verifyNoInteractions(query);
  }

  @Test
  void aStockpileNobodyDeclaredIsA404ForAnOverseerAndA403ForAnyoneElse() throws Exception {
    when(graph.itemsOfStockpile("ST-NONE")).thenReturn(List.of());

    mvc.perform(read("/api/stockpiles/ST-NONE/holdings?asOf=2024-03-05"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("NOT_VISIBLE"))
        .andExpect(jsonPath("$.field").value("stockpileId"));
    when(policy.seesEverything(ALPHA)).thenReturn(true);
    mvc.perform(read("/api/stockpiles/ST-NONE/holdings?asOf=2024-03-05"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.rule").value("UNKNOWN_ID"))
        .andExpect(jsonPath("$.field").value("stockpileId"));
    verifyNoInteractions(query);
  }

  @Test
  void theHolderIsCheckedByTheReadPolicyAndTheQueryGetsTheDayPeriodAndPage() throws Exception {
    when(query.ofHolder(eq("BO-ALPHA"), any(), any(), any(), any()))
        .thenReturn(
            new Holdings(
                "BO-ALPHA",
                null,
                LocalDate.of(2013, 5, 22),
                0,
                BigDecimal.ZERO.setScale(2),
                Map.of(),
                Map.of(),
                new Page<>(List.of(), 2, 10, 0)));

    mvc.perform(
            read("/api/holdings")
                .param("holder", "BO-ALPHA")
                .param("asOf", "2013-05-22")
                .param("period", "BEFORE_SUSPENSION")
                .param("page", "2")
                .param("size", "10"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holder").value("BO-ALPHA"))
        .andExpect(jsonPath("$.asOf").value("2013-05-22"));
    verify(policy).requireParty(ALPHA, "BO-ALPHA", "holder");
    verify(query)
        .ofHolder(
            "BO-ALPHA",
            LocalDate.of(2013, 5, 22),
            null,
            "BEFORE_SUSPENSION",
            PageRequest.of(2, 10));
  }
}
