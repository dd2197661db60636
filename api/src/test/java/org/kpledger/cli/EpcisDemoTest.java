package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.api.epcis.EpcisSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo through {@code kp export epcis}: the whole history and each shipment's lineage are EPCIS
 * documents GS1's schema accepts; a lineage holds one EPCIS event per event of the shipment, its
 * certificate and the items of its trace; a buying office may not export.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = org.kpledger.api.LedgerApplication.class)
class EpcisDemoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("kp-epcis-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    org.kpledger.api.TestDatabase.forDataDir(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theDemosHistoryAndEachShipmentsLineageExportAsValidEpcis() throws Exception {
    String url = "http://localhost:" + port;
    assertThat(new DemoLoader(DATA.toString()).load(url)).isTrue();
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    Map<String, String> env = Map.of("KP_URL", url);
    awaitReadSide(env, monitor);

    Path all = DATA.resolve("all.jsonld");
    assertThat(kp(env, "export", "epcis", "--actor", monitor, "--out", all.toString())).isZero();
    JsonNode history = JSON.readTree(all.toFile());
    EpcisSchema.assertValid("the demo's history", history);
    assertThat(history.path("epcisBody").path("eventList").size()).isGreaterThan(50);

    List<String> shipments =
        jdbc.queryForList(
            "SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type LIKE '%ShipmentProposedEvent'",
            String.class);
    assertThat(shipments).contains("SH-ALPHA-001");
    for (String s : shipments) {
      Path out = DATA.resolve(s + ".jsonld");
      assertThat(
              kp(
                  env,
                  "export",
                  "epcis",
                  "--actor",
                  monitor,
                  "--shipment",
                  s,
                  "--out",
                  out.toString()))
          .isZero();
      JsonNode lineage = JSON.readTree(out.toFile());
      EpcisSchema.assertValid("lineage of " + s, lineage);
      List<String> ids = new ArrayList<>();
      lineage
          .path("epcisBody")
          .path("eventList")
          .forEach(e -> ids.add(e.path("kp:ledgerEventId").asText()));
      assertThat(ids).doesNotHaveDuplicates();
      for (String id : ids) {
        assertThat(
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM merkle_leaf WHERE event_id = ?", Long.class, id))
            .as("leaf of " + id)
            .isEqualTo(1);
      }
    }
    JsonNode alpha = JSON.readTree(DATA.resolve("SH-ALPHA-001.jsonld").toFile());
    List<String> types = new ArrayList<>();
    alpha.path("epcisBody").path("eventList").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).contains("ObjectEvent", "TransformationEvent", "AggregationEvent");

    String buyer = DATA.resolve("demo/BO-ALPHA/actors/alpha-buyer").toString();
    Path refused = DATA.resolve("refused.jsonld");
    assertThat(kp(env, "export", "epcis", "--actor", buyer, "--out", refused.toString()))
        .as("a buying office may not export the whole history")
        .isEqualTo(1);
    assertThat(refused).doesNotExist();
  }

  /** Waits until the projections have caught up and every event is a leaf. */
  private void awaitReadSide(Map<String, String> env, String monitor) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      CommandLineConventionsTest.Run r =
          CommandLineConventionsTest.kp(env, "query", "--actor", monitor, "/api/projections");
      boolean caughtUp = r.exit() == 0;
      for (JsonNode p : JSON.readTree(r.out())) {
        caughtUp &= p.path("lag").asLong() == 0 && !p.path("replaying").asBoolean();
      }
      long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
      long leaves = jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf", Long.class);
      if (caughtUp && events == leaves) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the read side did not catch up in 60 s");
  }

  private static int kp(Map<String, String> env, String... args) {
    return CommandLineConventionsTest.kp(env, args).exit();
  }
}
