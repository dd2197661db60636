package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure, on commands and queries alike and before or after Spring sees the request, is RFC
 * 9457 problem+json with type, title, status, detail, instance and rule, and never carries
 * exception text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemModelTest extends ReadTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "PM-").setUp();
  }

  static void assertProblem(Answer a, int status, String rule) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    JsonNode p = a.body();
    assertThat(p.path("rule").asText()).as(p.toString()).isEqualTo(rule);
    assertThat(p.path("status").asInt()).isEqualTo(status);
    for (String member : new String[] {"type", "title", "detail", "instance"}) {
      assertThat(p.path(member).asText()).as(member + " of " + p).isNotBlank();
    }
    assertThat(p.toString()).doesNotContain("Exception", "java.", "org.", "SQL");
  }

  /** The status line, headers and body of a raw HTTP/1.1 request for a target as sent. */
  private String raw(String target) {
    try (Socket s = new Socket("localhost", port)) {
      s.getOutputStream()
          .write(
              ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void getErrorIsANotFoundProblemNot500() {
    assertProblem(send("GET", "/error", Map.of()), 404, "NO_SUCH_ENDPOINT");
    assertProblem(send("POST", "/error", Map.of()), 404, "NO_SUCH_ENDPOINT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/%zz", "/api/a%00b", "/api/a%2Fb", "/api/\\x"})
  void malformedPathIsAProblemNotTomcatHtml(String target) throws Exception {
    String answer = raw(target);
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    JsonNode p = JSON.readTree(body);
    assertThat(p.path("rule").asText()).isEqualTo("MALFORMED_REQUEST");
    assertThat(p.path("instance").asText()).isNotBlank();
    assertThat(body).doesNotContain("<html");
  }

  @Test
  void unknownPathIsANotFoundProblem() {
    assertProblem(send("GET", "/nowhere", Map.of()), 404, "NO_SUCH_ENDPOINT");
  }

  @Test
  void wrongMethodIsAProblemWithRule() {
    assertProblem(send("GET", "/api/commands", Map.of()), 405, "METHOD_NOT_ALLOWED");
    assertProblem(send("DELETE", "/api/commands/batch", Map.of()), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void wrongMediaTypeIsAProblemWithRule() {
    assertProblem(post("<a/>", "application/xml"), 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void custodyRefusalCarriesInstanceAndField() {
    Answer a =
        post(
            Envelopes.sign(
                PKI.get("col-ndoumba"),
                "RecordPurchase",
                car.purchase("X-1", "M-EXP", "S-W", "1.00", "AGR-1", 2)));
    assertProblem(a, 422, "PATENTE_NOT_VALID");
    assertThat(a.body().path("instance").asText()).isEqualTo("/api/commands");
    assertThat(a.body().path("field").asText()).isEqualTo("payload.minerId");
  }

  @Test
  void queryMissingParameterIsNotTitledMalformedCommand() {
    Answer a = get("auditor-1", "/api/balance/sites/" + car.p + "S-W?from=2026-01-01");
    assertProblem(a, 400, "MISSING_PARAMETER");
    assertThat(a.body().path("title").asText()).isEqualTo("Bad query parameter");
    assertThat(a.body().path("field").asText()).isEqualTo("to");
  }

  @Test
  void unauthenticatedAnswersQuoteNoJavaText() throws Exception {
    String notDer =
        Envelopes.withMember(
            Envelopes.sign(
                PKI.get("col-ndoumba"),
                "RecordPurchase",
                car.purchase("X-2", "M-1", "S-W", "1.00", "AGR-1", 2)),
            "signerCertificate",
            new TextNode("AAAA"));
    Answer command = post(notDer);
    assertProblem(command, 401, "MALFORMED_CERTIFICATE");
    Map<String, String> headers =
        new HashMap<>(signed("GET", "/api/projections", "auditor-1", Instant.now()));
    headers.put("KP-Certificate", "AAAA");
    assertProblem(send("GET", "/api/projections", headers), 401, "MALFORMED_CERTIFICATE");
  }

  @Test
  void everyProblemCarriesItsInstance() {
    assertThat(refused("{", 400, "MALFORMED_ENVELOPE").path("instance").asText())
        .isEqualTo("/api/commands");
    Answer unsigned = send("GET", "/api/projections", Map.of());
    assertProblem(unsigned, 401, "MISSING_CREDENTIALS");
    assertThat(unsigned.body().path("instance").asText()).isEqualTo("/api/projections");
  }
}
