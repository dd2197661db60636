package org.kpledger.api.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code mtls}: the node asks every client for a certificate chained to an enrolled
 * organisation CA; that certificate names the reader, so a query needs no signed headers. Without
 * one, the public pages, the probes and the console's files still load, and a protected read
 * answers 401; a certificate from an organisation the node does not trust reads nothing.
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
  void theReaderEndpointNamesTheCertificatesActorAuthenticatedByTls() throws Exception {
    HttpResponse<String> r =
        TlsClients.get(NODE.as("mt-monitor", caOf("KP-MT")), url("/api/reader"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"actorId\":\"mt-monitor\"")
        .contains("\"organisationId\":\"KP-MT\"")
        .contains("\"role\":\"MONITOR\"")
        .contains("\"authenticatedBy\":\"TLS_CLIENT_CERTIFICATE\"");
  }

  @Test
  void aClientWithoutACertificateGetsThePublicPagesAndProbesButA401OnAProtectedRead()
      throws Exception {
    HttpClient anonymous = NODE.anonymous();
    assertThat(TlsClients.get(anonymous, url("/api/status")).statusCode()).isEqualTo(200);
    HttpResponse<String> check =
        TlsClients.get(anonymous, url("/api/public/certificates/CF-2026-0001"));
    assertThat(check.statusCode()).as(check.body()).isEqualTo(404);
    assertThat(check.body()).doesNotContain("MISSING_CREDENTIALS");
    assertThat(TlsClients.get(anonymous, url("/")).body()).contains("js/app.js");
    assertThat(TlsClients.get(anonymous, url("/actuator/health/liveness")).statusCode())
        .isEqualTo(200);
    for (String path : new String[] {"/api/projections", "/api/reader"}) {
      HttpResponse<String> r = TlsClients.get(anonymous, url(path));
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.body()).as(path).contains("\"rule\":\"MISSING_CREDENTIALS\"");
    }
  }

  @Test
  void aClientCertificateOfAnUnenrolledOrganisationReadsNothing() throws Exception {
    assertThat(protectedReadStatus(NODE.as("rogue-buyer", NODE.rogue)))
        .as("a handshake failure (null) or 401")
        .isIn(null, 401);
  }

  @Test
  void anOrganisationEnrolledWhileTheNodeRunsReadsWithoutARestart() throws Exception {
    org.kpledger.identity.OrganisationCa late =
        NODE.pki.organisation(
            "BO-LATE", org.kpledger.identity.OrganisationType.BUYING_OFFICE, false);
    NODE.pki.actor("BO-LATE", "late-buyer", org.kpledger.identity.Role.BUYER);
    assertThat(protectedReadStatus(NODE.as("late-buyer", late))).isIn(null, 401);
    NODE.pki.enrol(late);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
    Integer status = null;
    while (!Integer.valueOf(200).equals(status) && java.time.Instant.now().isBefore(deadline)) {
      status = protectedReadStatus(NODE.as("late-buyer", late));
      if (!Integer.valueOf(200).equals(status)) {
        Thread.sleep(200);
      }
    }
    assertThat(status).as("read with the certificate after the CA was enrolled").isEqualTo(200);
  }

  @Test
  void aRevokedClientCertificateIsRefusedOnTheNextReadThoughItsHandshakeSucceeds()
      throws Exception {
    org.kpledger.identity.OrganisationCa ca =
        NODE.pki.organisation(
            "BO-REVOKING", org.kpledger.identity.OrganisationType.BUYING_OFFICE, true);
    var publisher =
        NODE.pki.actor("BO-REVOKING", "rev-publisher", org.kpledger.identity.Role.BUYER);
    var victim = NODE.pki.actor("BO-REVOKING", "rev-victim", org.kpledger.identity.Role.BUYER);
    Instant deadline = Instant.now().plusSeconds(30);
    while (!Integer.valueOf(200).equals(protectedReadStatus(NODE.as("rev-victim", ca)))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200); // the trust directory is followed every 2 s
    }
    assertThat(protectedReadStatus(NODE.as("rev-victim", ca))).isEqualTo(200);

    java.security.cert.X509CRL crl =
        NODE.pki.revocationList("BO-REVOKING", victim.certificate().getSerialNumber());
    String envelope =
        org.kpledger.api.Envelopes.sign(
            publisher,
            "PublishRevocationList",
            new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("crl", java.util.Base64.getEncoder().encodeToString(crl.getEncoded())));
    HttpResponse<String> published =
        NODE.anonymous()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/commands")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

    HttpResponse<String> refused = TlsClients.get(NODE.as("rev-victim", ca), url("/api/reader"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("\"rule\":\"CERTIFICATE_REVOKED\"");
    assertThat(protectedReadStatus(NODE.as("rev-publisher", ca))).isEqualTo(200);
  }

  /** The status of {@code GET /api/reader}, or null when the handshake failed. */
  private Integer protectedReadStatus(HttpClient client) throws Exception {
    try {
      return TlsClients.get(client, url("/api/reader")).statusCode();
    } catch (IOException refused) {
      return null;
    }
  }

  private String url(String path) {
    return "https://localhost:" + port + path;
  }

  private static org.kpledger.identity.OrganisationCa caOf(String org) {
    return NODE.cas.get(org);
  }
}
