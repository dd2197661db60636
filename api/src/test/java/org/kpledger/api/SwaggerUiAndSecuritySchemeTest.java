package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node serves Swagger UI over its own OpenAPI document, which describes the signed read as its
 * security scheme: the three headers required together on the queries, none on the commands (their
 * envelopes are signed), the status probe, the public certificate form and the log.
 */
class SwaggerUiAndSecuritySchemeTest extends ReadTestBase {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void swaggerUiIsServedOverTheNodesDocument() throws Exception {
    HttpResponse<String> entry = page("/swagger-ui.html");
    assertThat(entry.statusCode()).isEqualTo(302);
    assertThat(entry.headers().firstValue("Location").orElse(""))
        .endsWith("/swagger-ui/index.html");
    HttpResponse<String> ui = page("/swagger-ui/index.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(ui.body()).contains("swagger-ui");
    HttpResponse<String> config = page("/v3/api-docs/swagger-config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(config.body()).path("url").asText()).isEqualTo("/v3/api-docs");
  }

  @Test
  void theSignedReadIsTheDocumentsSecuritySchemeExceptOnPublicOperations() {
    JsonNode doc = send("GET", "/v3/api-docs", Map.of()).body();
    JsonNode schemes = doc.path("components").path("securitySchemes");
    for (String header : new String[] {"KP-Certificate", "KP-Date", "KP-Signature"}) {
      assertThat(schemes.path(header).path("in").asText()).isEqualTo("header");
      assertThat(schemes.path(header).path("name").asText()).isEqualTo(header);
      assertThat(schemes.path(header).path("description").asText()).isNotBlank();
    }
    assertThat(schemes.path("KP-Signature").path("description").asText()).contains("KP-READ-1");
    JsonNode global = doc.path("security").get(0);
    assertThat(global.has("KP-Certificate") && global.has("KP-Date") && global.has("KP-Signature"))
        .as("one requirement: the three headers together")
        .isTrue();
    JsonNode paths = doc.path("paths");
    for (String open :
        new String[] {
          "/api/commands", "/api/status", "/api/log/checkpoint", "/api/public/certificates/{number}"
        }) {
      JsonNode op = paths.path(open).elements().next();
      assertThat(op.path("security").isArray() && op.path("security").isEmpty())
          .as(open + " needs no signed read")
          .isTrue();
    }
    JsonNode projections = paths.path("/api/projections").path("get");
    assertThat(projections.has("security")).as("the global requirement applies").isFalse();
    assertThat(projections.path("description").asText()).contains("signed read");
    problem(
        send("GET", "/api/projections", Map.of()), 401, "MISSING_CREDENTIALS", "KP-Certificate");
  }

  private HttpResponse<String> page(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
