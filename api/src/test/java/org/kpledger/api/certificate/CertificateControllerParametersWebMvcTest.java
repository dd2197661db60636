package org.kpledger.api.certificate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kpledger.api.access.ReadPolicy;
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
 * A slice of the web layer: {@link CertificateController} with the node's problem answers and
 * reader resolution, on MockMvc, its queries and read policy mocked, no node. The certificates
 * themselves, their standing and who may read them in full are asserted over a whole node ({@code
 * CertificateStatusTest}, {@code CertificateCrossCheckTest}, {@code HoldingsAndCertificatesTest});
 * here: the public check refuses a malformed number before looking it up and names an unknown one,
 * the delays are bounded, and a delay not given is the node's default counted from today in Bangui.
 */
@WebMvcTest(
    controllers = CertificateController.class,
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "org\\.kpledger\\.api\\.(access|operations|problem)\\..*Filter"))
class CertificateControllerParametersWebMvcTest {
  /** Where the read authentication filter leaves the authenticated reader. */
  private static final String READER = "org.kpledger.api.access.ReadAuthenticationFilter.actor";

  /** 23:30 UTC on 4 March is 00:30 on 5 March in Bangui (UTC+1). */
  private static final Instant NOW = Instant.parse("2024-03-04T23:30:00Z");

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
  @MockitoBean CertificateQueries certificates;
  @MockitoBean ReadPolicy policy;

  private static MockHttpServletRequestBuilder read(String target) {
    return get(target).requestAttr(READER, MONITOR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/public/certificates/cf-0001, CERTIFICATE_NUMBER_INVALID, number",
    "/api/public/certificates/CF-1, CERTIFICATE_NUMBER_INVALID, number",
    "/api/public/certificates/KP-0001, CERTIFICATE_NUMBER_INVALID, number",
    "/api/certificates/CF_0001, CERTIFICATE_NUMBER_INVALID, number",
    "/api/certificates/unconfirmed?olderThanDays=-1, INVALID_PARAMETER, olderThanDays",
    "/api/certificates/unconfirmed?olderThanDays=3651, INVALID_PARAMETER, olderThanDays",
    "/api/certificates/unconfirmed?olderThanDays=soon, INVALID_PARAMETER, olderThanDays",
    "/api/certificates/unconfirmed?size=0, PAGE_SIZE_OUT_OF_RANGE, size",
    "/api/certificates/mismatched?page=-1, PAGE_OUT_OF_RANGE, page",
    "/api/certificates/cross-check?afterDays=3651, INVALID_PARAMETER, afterDays",
    "/api/certificates/cross-check?afterDays=-1, INVALID_PARAMETER, afterDays",
    "/api/certificates/cross-check?month=2019-13, INVALID_PARAMETER, month",
  })
  void aBadParameterIsA400NamingTheRuleAndTheParameterBeforeAnyQueryRuns(
      String target, String rule, String field) throws Exception {
    mvc.perform(read(target))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value(rule))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    verifyNoInteractions(certificates);
  }

  @Test
  void thePublicCheckNeedsNoReaderAndAnUnknownNumberIsA404NamingIt() throws Exception {
    when(certificates.find("CF-NONE")).thenReturn(Optional.empty());

    mvc.perform(get("/api/public/certificates/CF-NONE"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.rule").value("UNKNOWN_ID"))
        .andExpect(jsonPath("$.field").value("number"));
    verify(certificates).find("CF-NONE");
  }

  @Test
  void aDelayNotGivenIsTheNodesDefaultCountedFromTodayInBanguiAndTheBoundsAreAllowed()
      throws Exception {
    when(certificates.unconfirmed(any())).thenReturn(List.of());
    when(certificates.crossCheck(any(), anyInt()))
        .thenReturn(new CrossCheck(null, 30, LocalDate.of(2024, 3, 5), List.of(), List.of()));

    mvc.perform(read("/api/certificates/unconfirmed")).andExpect(status().isOk());
    verify(certificates).unconfirmed(LocalDate.of(2024, 3, 5).minusDays(30));
    mvc.perform(read("/api/certificates/unconfirmed?olderThanDays=0")).andExpect(status().isOk());
    verify(certificates).unconfirmed(LocalDate.of(2024, 3, 5));

    mvc.perform(read("/api/certificates/cross-check")).andExpect(status().isOk());
    verify(certificates).crossCheck(null, 30);
    mvc.perform(read("/api/certificates/cross-check?afterDays=3650&month=2019-12"))
        .andExpect(status().isOk());
    verify(certificates).crossCheck(YearMonth.of(2019, 12), 3650);
  }

  @Test
  void aFullReadWithoutAnAuthenticatedReaderIsRefused() throws Exception {
    mvc.perform(get("/api/certificates/CF-0001"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.rule").value("MISSING_CREDENTIALS"));
    verifyNoInteractions(certificates);
  }
}
