package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Over a generated year, every projection rebuilt from the event store answers exactly as the live
 * projections did: trace back and dossier of every shipment, its certificate, holdings of every
 * buying office through the year and its mass balance, trace forward of every zone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class GeneratedLedgerRebuildTest extends ReadTestBase {

  @Test
  void rebuildingEveryProjectionFromTheEventStoreGivesTheLiveAnswers() {
    TinyYear year = new TinyYear("GR", DATA, port);
    assertThat(year.run(0).complete()).isTrue();
    awaitProjections();
    List<String> targets = targets(year.plan().country);
    Map<String, JsonNode> live = answers(targets);
    assertThat(
            live.get("/api/trace/back/shipments/GR-SH-000").path("summary").path("origins").asInt())
        .isGreaterThan(10);
    for (JsonNode p : read("auditor-1", "/api/projections")) {
      Answer a = postSigned("auditor-1", "/api/projections/" + p.path("name").asText() + "/replay");
      assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    }
    awaitProjections();
    Map<String, JsonNode> rebuilt = answers(targets);
    List<String> differ = new ArrayList<>();
    live.forEach(
        (target, answer) -> {
          if (!answer.equals(rebuilt.get(target))) {
            differ.add(target);
          }
        });
    assertThat(differ).as("answers that changed with the rebuild").isEmpty();
  }

  static List<String> targets(Country c) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < c.scale.shipments(); k++) {
      out.add("/api/trace/back/shipments/" + c.shipment(k));
      out.add("/api/shipments/" + c.shipment(k) + "/dossier");
      if (k % 10 != 4 && k % 10 != 8) {
        out.add("/api/certificates/" + c.certificate(k));
      }
    }
    for (int b = 0; b < c.scale.offices(); b++) {
      String office = c.office(b);
      for (int month = 0; month <= 12; month += 3) {
        out.add("/api/holdings?holder=" + office + "&asOf=" + c.yearStart.plusMonths(month));
      }
      out.add("/api/holdings?holder=" + office + "&asOf=" + c.yearEnd.plusDays(1));
      out.add("/api/balance/parties/" + office + "?from=" + c.yearStart + "&to=" + c.yearEnd);
    }
    out.add("/api/holdings?holder=" + c.collector(1) + "&asOf=" + c.yearEnd);
    out.add("/api/balance/sites/" + c.site(0) + "?from=" + c.yearStart + "&to=" + c.yearEnd);
    out.add("/api/stockpiles/" + c.prefix + "-ST-BANGUI/holdings?asOf=" + c.yearEnd);
    for (String zone : List.of("BERBERATI", "BRIA")) {
      out.add("/api/trace/forward/zones/" + c.zone(zone));
    }
    return out;
  }

  private Map<String, JsonNode> answers(List<String> targets) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String target : targets) {
      JsonNode answer = read("mt-monitor", target);
      if (answer instanceof ObjectNode o) {
        o.remove("gateEvaluatedAt");
      }
      out.put(target, answer);
    }
    return out;
  }
}
