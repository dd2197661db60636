package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Over a generated year ({@link TinyYear}, size 0.005: a size-1 year takes too long for a test),
 * every EPCIS document the ledger exports validates against GS1's EPCIS 2.0 schema; the range
 * export holds each custody event of the store exactly once; each shipment's lineage export holds
 * one EPCIS event per event the dossier lists as signed for that shipment, each carrying a ledger
 * event id whose leaf is in the log at the index it states.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class EpcisGeneratedYearTest extends ReadTestBase {
  @Test
  void everyEpcisDocumentOfAGeneratedYearValidatesAndCoversEachCustodyEventOnce() {
    TinyYear year = new TinyYear("EP", DATA, port);
    assertThat(year.run(0).complete()).isTrue();
    awaitProjections();
    awaitEveryEventALeaf();
    TradeFormatsAudit audit =
        new TradeFormatsAudit(
            new TradeFormatsAudit.Reader() {
              @Override
              public JsonNode json(String target) {
                return read("auditor-1", target);
              }

              @Override
              public String csv(String target) {
                throw new UnsupportedOperationException(target);
              }
            },
            jdbc);
    Map<String, Long> leaves = audit.leaves();

    List<String> exported = audit.epcisRange(leaves, 2000, page -> {});
    Set<String> custody = audit.custodyEvents();
    assertThat(exported).doesNotHaveDuplicates();
    assertThat(new HashSet<>(exported)).isEqualTo(custody);
    assertThat(custody).hasSizeGreaterThan(500);

    Country c = year.plan().country;
    Map<String, String> positions = audit.positions();
    for (int k = 0; k < c.scale.shipments(); k++) {
      audit.epcisLineage(c.shipment(k), leaves, positions, k == 0);
    }
  }

  @Test
  void refusesBadParametersUnknownShipmentsAndTraders() {
    problem(get("auditor-1", "/api/epcis/events?limit=0"), 400, "INVALID_PARAMETER", "limit");
    problem(
        get("auditor-1", "/api/epcis/events?fromLeaf=-1"), 400, "INVALID_PARAMETER", "fromLeaf");
    problem(get("auditor-1", "/api/epcis/events?from=2019-13"), 400, "INVALID_PARAMETER", "from");
    problem(
        get("auditor-1", "/api/epcis/events?from=2020-01-01T00:00:00Z&to=2019-01-01T00:00:00Z"),
        400,
        "INVALID_PARAMETER",
        "to");
    assertThat(get("auditor-1", "/api/epcis/shipments/NO-SUCH").status()).isEqualTo(404);
    assertThat(get("alpha-buyer", "/api/epcis/events").status()).isEqualTo(403);
    assertThat(get("alpha-buyer", "/api/epcis/shipments/NO-SUCH").status()).isEqualTo(403);
  }

  /** The anchoring processor runs behind the commands: wait until it has a leaf for each event. */
  private void awaitEveryEventALeaf() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    long events = 0;
    long leafCount = -1;
    while (Instant.now().isBefore(deadline)) {
      events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
      leafCount = jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf", Long.class);
      if (leafCount == events) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(leafCount + " leaves for " + events + " events after 60 s");
  }
}
