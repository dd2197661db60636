package org.kpledger.api.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code mtls}: every client presents a certificate chained to an enrolled organisation CA;
 * that certificate names the reader, so a query needs no signed headers. No certificate, or one
 * from an organisation the node does not trust, and the handshake fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mtls")
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class MutualTlsProfileTest {
  static final TlsClients NODE;

  static {
    try {
      NODE = new TlsClients("kp-mtls");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", NODE.data::toString);
  }

  @LocalServerPort int port;

  @Test
  void aClientCertificateOfAnEnrolledOrganisationIsAcceptedAndNamesTheReader() throws Exception {
    HttpResponse<String> r =
        TlsClients.get(NODE.as("mt-monitor", caOf("KP-MT")), url("/api/projections"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"name\":\"registry\"");
  }

  @Test
  void anOperatorsClientCertificateScrapesTheMetrics() throws Exception {
    HttpResponse<String> r =
        TlsClients.get(NODE.as("auditor-1", caOf("AUD-FA")), url("/actuator/prometheus"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("kp_log_tree_size_leaves");
    HttpResponse<String> monitor =
        TlsClients.get(NODE.as("mt-monitor", caOf("KP-MT")), url("/actuator/prometheus"));
    assertThat(monitor.statusCode()).isEqualTo(403);
  }

  @Test
  void aClientWithoutACertificateIsRefused() {
    assertThatThrownBy(() -> TlsClients.get(NODE.anonymous(), url("/api/status")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aClientCertificateOfAnUnenrolledOrganisationIsRefused() {
    assertThatThrownBy(() -> TlsClients.get(NODE.as("rogue-buyer", NODE.rogue), url("/api/status")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anOrganisationEnrolledWhileTheNodeRunsConnectsWithoutARestart() throws Exception {
    org.kpledger.identity.OrganisationCa late =
        NODE.pki.organisation(
            "BO-LATE", org.kpledger.identity.OrganisationType.BUYING_OFFICE, false);
    NODE.pki.actor("BO-LATE", "late-buyer", org.kpledger.identity.Role.BUYER);
    assertThatThrownBy(() -> TlsClients.get(NODE.as("late-buyer", late), url("/api/status")))
        .isInstanceOf(IOException.class);
    NODE.pki.enrol(late);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    Integer status = null;
    while (status == null && java.time.Instant.now().isBefore(deadline)) {
      try {
        status = TlsClients.get(NODE.as("late-buyer", late), url("/api/status")).statusCode();
      } catch (IOException refused) {
        Thread.sleep(200);
      }
    }
    assertThat(status).as("connected after the CA was enrolled").isEqualTo(200);
  }

  private String url(String path) {
    return "https://localhost:" + port + path;
  }

  private static org.kpledger.identity.OrganisationCa caOf(String org) {
    return NODE.cas.get(org);
  }
}
