package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One access-log line per request: method, path, status, duration, and for a command its type, id
 * and refusal rule; never the payload, the signature or the certificate, whether the command is
 * accepted or refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends ReadTestBase {
  private static final String P = "ACCESS-";

  @Test
  void anAcceptedCommandIsOneLineWithItsTypeAndIdAndNothingSigned(CapturedOutput output)
      throws Exception {
    String envelope =
        Envelopes.sign(
            PKI.get("kp-registrar"),
            "RegisterZone",
            CarFixture.obj("zoneId", P + "Z1", "name", "Secret-Name-Of-Z1", "prefecture", "X"));
    JsonNode signed = JSON.readTree(envelope);
    assertThat(post(envelope).status()).isEqualTo(200);

    String line = awaitLine(output, "commandId=" + signed.path("commandId").asText());
    assertThat(line)
        .containsPattern(
            "POST /api/commands 200 [0-9]+ ms commandType=RegisterZone commandId="
                + signed.path("commandId").asText());
    assertThat(line).doesNotContain("rule=");
    assertNothingSigned(output, signed, "Secret-Name-Of-Z1");
  }

  @Test
  void aRefusedCommandNamesItsRule(CapturedOutput output) throws Exception {
    String bad =
        Envelopes.highS(
            Envelopes.sign(
                PKI.get("kp-registrar"),
                "RegisterZone",
                CarFixture.obj("zoneId", P + "Z2", "name", "Hidden-Z2", "prefecture", "X")));
    JsonNode signed = JSON.readTree(bad);
    assertThat(post(bad).status()).isEqualTo(401);
    String line = awaitLine(output, "commandId=" + signed.path("commandId").asText());
    assertThat(line).contains("POST /api/commands 401 ").endsWith("rule=BAD_SIGNATURE");
    assertNothingSigned(output, signed, "Hidden-Z2");
  }

  @Test
  void aSignedQueryIsLoggedWithoutItsCredentials(CapturedOutput output) {
    Instant at = Instant.now();
    var headers = signed("GET", "/api/projections?x=1", "auditor-1", at);
    assertThat(send("GET", "/api/projections?x=1", headers).status()).isEqualTo(200);
    String line = awaitLine(output, "GET /api/projections 200");
    assertThat(line).doesNotContain("x=1");
    for (String secret : headers.values()) {
      assertThat(output.getAll()).doesNotContain(secret);
    }
    problem(send("GET", "/api/projections", java.util.Map.of()), 401, "MISSING_CREDENTIALS", null);
    assertThat(awaitLine(output, "GET /api/projections 401")).endsWith("rule=MISSING_CREDENTIALS");
  }

  private static void assertNothingSigned(CapturedOutput output, JsonNode envelope, String name) {
    String all = output.getAll();
    assertThat(all).doesNotContain(name);
    assertThat(all).doesNotContain(envelope.path("signature").asText());
    assertThat(all).doesNotContain(envelope.path("signerCertificate").asText().substring(0, 40));
  }

  private static String awaitLine(CapturedOutput output, String fragment) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<String> lines =
          Arrays.stream(output.getAll().split("\n"))
              .filter(l -> l.contains("org.kpledger.access") && l.contains(fragment))
              .toList();
      if (!lines.isEmpty() || Instant.now().isAfter(deadline)) {
        assertThat(lines).as("access log lines with " + fragment).hasSize(1);
        return lines.get(0).strip();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
