package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.kpledger.api.epcis.EpcisSchema;
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
  private static final Set<String> NOT_CUSTODY =
      Set.of(
          "ZoneRegisteredEvent",
          "ZoneDecisionRecordedEvent",
          "SiteRegisteredEvent",
          "ProductionRecordedEvent",
          "ProductionDrawnEvent",
          "MinerRegisteredEvent",
          "PatenteRenewedEvent",
          "LicenceIssuedEvent",
          "LicenceStatusChangedEvent",
          "RevocationListPublishedEvent",
          "StockpileDeclaredEvent");

  @Test
  void everyEpcisDocumentOfAGeneratedYearValidatesAndCoversEachCustodyEventOnce() {
    TinyYear year = new TinyYear("EP", DATA, port);
    assertThat(year.run(0).complete()).isTrue();
    awaitProjections();
    awaitEveryEventALeaf();
    Map<String, Long> leaves = new HashMap<>();
    jdbc.query(
        "SELECT event_id, leaf_index FROM merkle_leaf",
        rs -> {
          leaves.put(rs.getString(1), rs.getLong(2));
        });

    List<String> exported = rangeExport(leaves);
    Set<String> custody = new HashSet<>();
    jdbc.query(
        "SELECT event_identifier, payload_type FROM domain_event_entry",
        rs -> {
          String type = rs.getString(2);
          if (!NOT_CUSTODY.contains(type.substring(type.lastIndexOf('.') + 1))) {
            custody.add(rs.getString(1));
          }
        });
    assertThat(exported).doesNotHaveDuplicates();
    assertThat(new HashSet<>(exported)).isEqualTo(custody);
    assertThat(custody).hasSizeGreaterThan(500);

    Country c = year.plan().country;
    for (int k = 0; k < c.scale.shipments(); k++) {
      lineageOf(c.shipment(k), leaves, k == 0);
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

  /** Every page of the range export, each validated; the ledger event ids in order. */
  private List<String> rangeExport(Map<String, Long> leaves) {
    List<String> ids = new ArrayList<>();
    long fromLeaf = 0;
    long lastLeaf = -1;
    while (true) {
      JsonNode doc = read("auditor-1", "/api/epcis/events?limit=2000&fromLeaf=" + fromLeaf);
      EpcisSchema.assertValid("range page from leaf " + fromLeaf, doc);
      for (JsonNode e : doc.path("epcisBody").path("eventList")) {
        String id = e.path("kp:ledgerEventId").asText();
        long leaf = e.path("kp:leafIndex").asLong();
        assertThat(leaf).as("leaf order").isGreaterThan(lastLeaf);
        assertThat(leaves.get(id)).as("leaf of " + id).isEqualTo(leaf);
        lastLeaf = leaf;
        ids.add(id);
      }
      if (!doc.has("kp:nextFromLeaf")) {
        return ids;
      }
      fromLeaf = doc.path("kp:nextFromLeaf").asLong();
    }
  }

  private void lineageOf(String shipmentId, Map<String, Long> leaves, boolean proveEach) {
    JsonNode doc = read("auditor-1", "/api/epcis/shipments/" + shipmentId);
    EpcisSchema.assertValid("lineage of " + shipmentId, doc);
    Set<String> signed = new HashSet<>();
    String pages =
        read("auditor-1", "/api/shipments/" + shipmentId + "/dossier")
            .path("signedLineage")
            .path("path")
            .asText();
    for (int page = 0; ; page++) {
      JsonNode p = read("auditor-1", pages + "?size=500&page=" + page);
      for (JsonNode aggregate : p.path("items")) {
        for (JsonNode s : aggregate.path("steps")) {
          signed.add(s.path("aggregateId").asText() + "#" + s.path("sequenceNumber").asLong());
        }
      }
      if ((page + 1) * 500L >= p.path("total").asLong()) {
        break;
      }
    }
    Map<String, String> positions = new HashMap<>();
    jdbc.query(
        "SELECT event_identifier, aggregate_identifier, sequence_number FROM domain_event_entry",
        rs -> {
          positions.put(rs.getString(1), rs.getString(2) + "#" + rs.getLong(3));
        });
    List<String> exported = new ArrayList<>();
    for (JsonNode e : doc.path("epcisBody").path("eventList")) {
      String id = e.path("kp:ledgerEventId").asText();
      assertThat(e.has("kp:leafIndex")).as(id + " has its leaf index").isTrue();
      assertThat(leaves.get(id)).as("leaf of " + id).isEqualTo(e.path("kp:leafIndex").asLong());
      exported.add(positions.get(id));
      if (proveEach) {
        JsonNode proof = read("auditor-1", "/api/log/events/" + id + "/inclusion");
        assertThat(proof.path("leafIndex").asLong()).isEqualTo(e.path("kp:leafIndex").asLong());
      }
    }
    assertThat(exported).as("lineage of " + shipmentId).doesNotHaveDuplicates();
    assertThat(new HashSet<>(exported)).as("lineage of " + shipmentId).isEqualTo(signed);
    assertThat(exported).as("lineage of " + shipmentId).hasSizeGreaterThan(10);
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
