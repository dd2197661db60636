package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is served, and every operation in it is exercised by a named test class. An
 * endpoint added without a test (or a test entry for a removed endpoint) fails here.
 */
class OpenApiCoverageTest extends ReadTestBase {
  private static final Map<String, String> TESTED_BY =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("POST /api/commands", "CustodyLifecycleTest, BadInputTest, RefusalTest"),
              Map.entry("POST /api/commands/batch", "CommandBatchTest"),
              Map.entry("GET /api/status", "OpenApiCoverageTest, KillNineIT, StorageStatusTest"),
              Map.entry("GET /api/log/checkpoint", "VerifiableLogTest"),
              Map.entry("GET /api/audit/bundle", "AuditTamperTest, AuditConcurrencyTest"),
              Map.entry("GET /api/audit/events/{eventId}/leaf", "EventLeafTest, ConsoleBrowserIT"),
              Map.entry("GET /api/log/verifier-key", "VerifiableLogTest"),
              Map.entry("GET /api/log/heads", "VerifiableLogTest"),
              Map.entry("GET /api/log/status", "VerifiableLogTest"),
              Map.entry("GET /api/log/events/{eventId}/inclusion", "VerifiableLogTest"),
              Map.entry("GET /api/log/consistency", "VerifiableLogTest"),
              Map.entry("GET /api/projections", "ReadAuthenticationTest, DossierAndRebuildTest"),
              Map.entry(
                  "GET /api/reader",
                  "ReadAuthenticationTest, MutualTlsProfileTest, TlsClientCertificateTest"),
              Map.entry(
                  "POST /api/projections/{name}/replay",
                  "DossierAndRebuildTest, ReadAuthenticationTest"),
              Map.entry("GET /api/trace/back/shipments/{shipmentId}", "TraceScenarioTest"),
              Map.entry("GET /api/trace/back/certificates/{number}", "TraceScenarioTest"),
              Map.entry(
                  "GET /api/trace/back/items/{itemId}", "TraceScenarioTest, NonCompliantZoneTest"),
              Map.entry(
                  "GET /api/trace/forward/{kind}/{id}", "TraceForwardTest, NonCompliantZoneTest"),
              Map.entry(
                  "GET /api/holdings",
                  "HoldingsAndCertificatesTest, HoldingsControllerParametersWebMvcTest"),
              Map.entry(
                  "GET /api/stockpiles/{stockpileId}/holdings",
                  "HoldingsAndCertificatesTest, HoldingsControllerParametersWebMvcTest"),
              Map.entry("GET /api/shipments", "HoldingsAndCertificatesTest"),
              Map.entry(
                  "GET /api/shipments/{shipmentId}/dossier",
                  "DossierAndRebuildTest, NonCompliantZoneTest"),
              Map.entry(
                  "GET /api/shipments/{shipmentId}/dossier/signatures",
                  "DossierAndRebuildTest, TradeFormatsAtScaleTest, TradeFormatsDemoTest"),
              Map.entry(
                  "GET /api/refused-attempts",
                  "RefusedAttemptsTest, RefusedAttemptControllerParametersWebMvcTest"),
              Map.entry("GET /api/re-evaluations", "RetroactiveDecisionsTest"),
              Map.entry(
                  "GET /api/public/certificates/{number}",
                  "HoldingsAndCertificatesTest, CertificateControllerParametersWebMvcTest"),
              Map.entry("GET /api/certificates/{number}", "HoldingsAndCertificatesTest"),
              Map.entry("GET /api/certificates/{number}/content", "HoldingsAndCertificatesTest"),
              Map.entry(
                  "GET /api/certificates/unconfirmed",
                  "HoldingsAndCertificatesTest, CertificateControllerParametersWebMvcTest"),
              Map.entry("GET /api/certificates/mismatched", "HoldingsAndCertificatesTest"),
              Map.entry(
                  "GET /api/certificates/cross-check",
                  "CertificateCrossCheckTest, CertificateControllerParametersWebMvcTest"),
              Map.entry("GET /api/history/{aggregateId}", "DossierAndRebuildTest"),
              Map.entry("GET /api/balance/sites/{siteId}", "MassBalanceTest"),
              Map.entry("GET /api/balance/parties/{party}", "MassBalanceTest"),
              Map.entry("GET /api/zones", "ZoneHistoryTest, BadQueryParametersTest"),
              Map.entry("GET /api/sites", "ZoneHistoryTest, ConsoleBrowserIT"),
              Map.entry(
                  "GET /api/zones/{zoneId}/history", "ZoneHistoryTest, BadQueryParametersTest"),
              Map.entry(
                  "GET /api/statistics/production",
                  "StatisticsTest, BadQueryParametersTest, StatisticsControllerParametersWebMvcTest"),
              Map.entry(
                  "GET /api/statistics/offices",
                  "StatisticsTest, BadQueryParametersTest, StatisticsControllerParametersWebMvcTest"),
              Map.entry(
                  "GET /api/statistics/exports",
                  "StatisticsTest, BadQueryParametersTest, StatisticsControllerParametersWebMvcTest"),
              Map.entry("GET /api/certificates/{number}/pdf", "TradeFormatsDemoTest"),
              Map.entry("GET /api/shipments/{shipmentId}/dossier/pdf", "TradeFormatsDemoTest"),
              Map.entry(
                  "GET /api/anomalies",
                  "KpStatisticsGeneratedYearTest, TradeFormatsAtScaleTest, PlantedAnomaliesTest"),
              Map.entry(
                  "GET /api/statistics/kp/trade",
                  "KpStatisticsGeneratedYearTest, TradeFormatsAtScaleTest"),
              Map.entry(
                  "GET /api/statistics/kp/production",
                  "KpStatisticsGeneratedYearTest, TradeFormatsAtScaleTest"),
              Map.entry(
                  "GET /api/epcis/events",
                  "EpcisGeneratedYearTest, TradeFormatsAtScaleTest, TradeFormatsDemoTest, CustodyEventMapperTest"),
              Map.entry(
                  "GET /api/epcis/shipments/{shipmentId}",
                  "EpcisGeneratedYearTest, TradeFormatsAtScaleTest, TradeFormatsDemoTest")));

  @Test
  void everyDocumentedOperationHasATest() {
    Answer doc = send("GET", "/v3/api-docs", Map.of());
    assertThat(doc.status()).isEqualTo(200);
    TreeSet<String> operations = new TreeSet<>();
    doc.body()
        .path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> operations.add(method.toUpperCase() + " " + p.getKey())));
    assertThat(operations).containsExactlyElementsOf(TESTED_BY.keySet());
  }

  @Test
  void documentValidatesAsOpenApi() {
    JsonNode doc = send("GET", "/v3/api-docs", Map.of()).body();
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, null);
    assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSize(TESTED_BY.size());

    // the validator does judge: the same document with an operation stripped of its responses
    com.fasterxml.jackson.databind.node.ObjectNode broken = doc.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            broken.path("paths").path("/api/holdings").path("get"))
        .remove("responses");
    assertThat(new OpenAPIV3Parser().readContents(broken.toString(), null, null).getMessages())
        .anySatisfy(m -> assertThat(m).contains("responses"));
  }

  @Test
  void documentDeclaresTheSignedRequestHeadersAndHidesTheReader() {
    JsonNode doc = send("GET", "/v3/api-docs", Map.of()).body();
    assertThat(doc.path("components").path("securitySchemes").has("KP-Signature")).isTrue();
    JsonNode holdings = doc.path("paths").path("/api/holdings").path("get").path("parameters");
    assertThat(TraceScenarioTest.field(holdings, "name"))
        .containsExactlyInAnyOrder("holder", "asOf", "zone", "period", "page", "size");
  }

  @Test
  void statusNeedsNoCredentials() {
    Answer a = send("GET", "/api/status", Map.of());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().path("status").asText()).isEqualTo("UP");
  }
}
