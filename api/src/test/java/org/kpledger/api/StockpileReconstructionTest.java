package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The forensic auditor's reconstruction of the Bangui stockpile of the {@link TraceScenario}: what
 * it held on the day of the suspension and what it holds today differ by exactly the movements its
 * own history records in between (items acquired after 23 May 2013, and undocumented items, which
 * count from their declaration), item by item and carat by carat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockpileReconstructionTest extends ReadTestBase {
  private static final LocalDate SUSPENSION = LocalDate.parse("2013-05-23");
  private CarFixture car;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    awaitProjections();
  }

  @Test
  void holdingsOnTheSuspensionDayAndTodayDifferByTheRecordedMovements() {
    String stockpile = "/api/stockpiles/" + car.p + "ST-1/holdings?asOf=";
    Map<String, BigDecimal> then = items(read("auditor-1", stockpile + SUSPENSION));
    Map<String, BigDecimal> now = items(read("auditor-1", stockpile + car.today));

    // the movements, read from the ledger's own history: the stockpile's declaration names its
    // items, each item's declaration says when it was acquired (undocumented: from declaration)
    Map<String, BigDecimal> moved = new HashMap<>();
    for (JsonNode declared : read("auditor-1", "/api/history/" + car.p + "ST-1").path("items")) {
      LocalDate declaredOn = LocalDate.parse(declared.path("payload").path("declaredOn").asText());
      for (JsonNode itemId : declared.path("payload").path("itemIds")) {
        JsonNode item =
            read(
                    "auditor-1",
                    "/api/history/" + itemId.asText() + "?eventType=StockpileItemDeclaredEvent")
                .path("items")
                .path(0)
                .path("payload");
        String acquired = item.path("acquiredOn").asText(null);
        LocalDate from = acquired == null ? declaredOn : LocalDate.parse(acquired);
        if (from.isAfter(SUSPENSION) && !from.isAfter(car.today)) {
          moved.put(itemId.asText(), item.path("carats").decimalValue().stripTrailingZeros());
        }
      }
    }

    assertThat(then).containsOnlyKeys(car.p + "STK-1");
    assertThat(moved).isNotEmpty();
    Map<String, BigDecimal> expected = new HashMap<>(then);
    expected.putAll(moved);
    assertThat(now).isEqualTo(expected);
    assertThat(sum(now).subtract(sum(then))).isEqualByComparingTo(sum(moved));
  }

  private static Map<String, BigDecimal> items(JsonNode holdings) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (JsonNode item : holdings.path("items").path("items")) {
      out.put(
          item.path("itemId").asText(), item.path("carats").decimalValue().stripTrailingZeros());
    }
    assertThat(holdings.path("items").path("total").asInt()).isEqualTo(out.size());
    return out;
  }

  private static BigDecimal sum(Map<String, BigDecimal> items) {
    return items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
