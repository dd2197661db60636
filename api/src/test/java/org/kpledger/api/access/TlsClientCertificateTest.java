package org.kpledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerTestBase;
import org.kpledger.custody.Actor;
import org.kpledger.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A client certificate presented over mutual TLS (the servlet container's request attribute)
 * authenticates a query without the signed-request headers, against the same trust root.
 */
class TlsClientCertificateTest extends LedgerTestBase {
  @Autowired ReadAuthenticationFilter filter;

  @Test
  void enrolledClientCertificateAuthenticatesTheReader() throws Exception {
    MockHttpServletRequest request = tls("mt-monitor");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    Actor actor = (Actor) request.getAttribute(ReadAuthenticationFilter.ACTOR);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(actor.actorId()).isEqualTo("mt-monitor");
    assertThat(actor.organisationId()).isEqualTo("KP-MT");
    assertThat(actor.role()).isEqualTo(Role.MONITOR);
    assertThat(request.getAttribute(ReadAuthenticationFilter.METHOD))
        .isEqualTo(ReaderAuthentication.TLS_CLIENT_CERTIFICATE);
  }

  @Test
  void clientCertificateOfAnUnenrolledOrganisationIsRefused() throws Exception {
    MockHttpServletRequest request = tls("rogue-buyer");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"rule\":\"UNKNOWN_ISSUER\"");
    assertThat(request.getAttribute(ReadAuthenticationFilter.ACTOR)).isNull();
  }

  private static MockHttpServletRequest tls(String actor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/projections");
    request.setAttribute(
        "jakarta.servlet.request.X509Certificate",
        new X509Certificate[] {PKI.get(actor).certificate()});
    return request;
  }
}
