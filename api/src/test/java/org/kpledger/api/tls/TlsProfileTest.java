package org.kpledger.api.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code tls}: the node serves HTTPS with its certificate from the KP authority's CA; a
 * client pinning that CA reaches it by name, with host-name checking on; a client that does not
 * trust the CA, or speaks plain HTTP, does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("tls")
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class TlsProfileTest {
  static final TlsClients NODE;

  static {
    try {
      NODE = new TlsClients("kp-tls");
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
  void aClientPinningTheOrganisationCaReachesTheNodeByName() throws Exception {
    HttpResponse<String> r =
        TlsClients.get(NODE.anonymous(), "https://localhost:" + port + "/api/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"");
    assertThat(r.sslSession().orElseThrow().getPeerCertificates()[0].toString())
        .contains("CN=car-node-1");
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() {
    assertThatThrownBy(
            () ->
                TlsClients.get(
                    HttpClient.newHttpClient(), "https://localhost:" + port + "/api/status"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void plainHttpGetsNoAnswerFromTheApi() throws Exception {
    HttpResponse<String> r =
        TlsClients.get(HttpClient.newHttpClient(), "http://localhost:" + port + "/api/status");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("\"status\":\"UP\"");
  }
}
