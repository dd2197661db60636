package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the read endpoints say, as the outside test read it (issue #15): decimals exactly as the
 * signer wrote them ({@code 800.00}, {@code 3.30}; never {@code 8E+2} or {@code 3.3}), and a
 * stockpile item's trace starting from a stockpile item. Bodies are read as text and parsed keeping
 * every decimal's scale, so a stripped zero shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideWordingTest extends ReadTestBase {

  /**
   * A JSON number value written in exponent form ({@code 8E+2}); not the letters "E+" inside a
   * string, which a base64 signature may well contain.
   */
  private static final String EXPONENT_NUMBER = "[:\\[,]\\s*-?\\d+(\\.\\d+)?[eE][+-]?\\d+";

  private static final JsonMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();
  private final HttpClient http = HttpClient.newHttpClient();
  private CarFixture car;

  @BeforeAll
  void scenario() {
    car = new CarFixture(this::ok, "RW-").setUp();
    ObjectNode slip = car.purchase("LOT-1", "M-1", "S-W", "3.30", "EXP-ALPHA", 2);
    slip.set("priceUsd", num("800.00"));
    ok("alpha-buyer", "RecordPurchase", slip);
    TraceScenario.shared(this::ok, this::refuse);
    awaitProjections();
  }

  @Test
  void historyShowsDecimalsAsSigned() {
    String body = raw("auditor-1", "/api/history/RW-LOT-1");
    JsonNode payload = exact(body).path("items").path(0).path("payload");

    assertThat(body).doesNotContainPattern(EXPONENT_NUMBER);
    assertThat(payload.path("carats").decimalValue().toString()).isEqualTo("3.30");
    assertThat(payload.path("priceUsd").decimalValue().toString()).isEqualTo("800.00");
  }

  @Test
  void holdingsTraceBalanceAndStatisticsShowDecimalsAsSigned() {
    String day = car.today.toString();
    JsonNode holdings =
        exact(raw("auditor-1", "/api/holdings?holder=BO-ALPHA&zone=RW-BERBERATI&asOf=" + day));
    JsonNode trace = exact(raw("auditor-1", "/api/trace/back/items/RW-LOT-1"));
    JsonNode balance =
        exact(raw("auditor-1", "/api/balance/sites/RW-S-W?from=" + day + "&to=" + day));
    String statistics =
        raw(
            "auditor-1",
            "/api/statistics/production?zone=RW-BERBERATI&from="
                + YearMonth.from(car.today).minusMonths(1)
                + "&to="
                + YearMonth.from(car.today));

    assertThat(holdings.path("items").path("items").path(0).path("carats").decimalValue())
        .hasToString("3.30");
    assertThat(trace.path("summary").path("carats").decimalValue()).hasToString("3.30");
    assertThat(balance.toString()).doesNotContainPattern(EXPONENT_NUMBER);
    assertThat(statistics)
        .doesNotContainPattern(EXPONENT_NUMBER)
        .contains("3.30")
        .contains("800.00");
  }

  @Test
  void traceOfAStockpileItemStartsFromAStockpileItem() {
    JsonNode trace = read("auditor-1", "/api/trace/back/items/TS-STK-2");

    assertThat(trace.path("startKind").asText()).isEqualTo("STOCKPILE_ITEM");
  }

  private static JsonNode exact(String body) {
    try {
      return EXACT.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(body, e);
    }
  }

  /** A signed GET as {@code actor} expected to answer 200; its body as sent. */
  private String raw(String actor, String target) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
    signed("GET", target, actor, Instant.now()).forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(200);
      return r.body();
    } catch (IOException e) {
      throw new AssertionError(target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
