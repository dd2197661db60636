package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A rebuild of the projections stopped halfway (the node shut down as on Ctrl-C) goes on from where
 * it stopped when the node starts again, and ends with the answers the live projections gave:
 * nothing counted twice, nothing left out. The projections processor takes one event per
 * transaction here, so the rebuild lasts long enough to be stopped in the middle.
 */
class InterruptedReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;
  private final Map<String, String> database = TestDatabase.fresh().orElse(Map.of());
  private GeneratedLedger ledger;
  private String url;

  @Test
  void givenARebuildStoppedHalfwayWhenTheNodeStartsAgainThenItFinishesWithTheLiveAnswers()
      throws Exception {
    ConfigurableApplicationContext first = start();
    TinyYear year = new TinyYear("IR", dataDir, port(first));
    assertThat(year.run(0).complete()).isTrue();
    ledger = GeneratedLedger.open(year.stateDir, dataDir.resolve("trust"));
    List<String> targets = new ArrayList<>(GeneratedLedgerRebuildTest.targets(year.plan().country));
    String from = ledger.yearStart().toString().substring(0, 7);
    String to = ledger.yearEnd().toString().substring(0, 7);
    targets.add("/api/statistics/production?from=" + from + "&to=" + to);
    targets.add("/api/statistics/offices?from=" + from + "&to=" + to);
    awaitCaughtUp();
    Map<String, JsonNode> live = answers(targets);

    JsonNode replay = send("POST", "/api/projections/lineage/replay");
    assertThat(replay.path("name").asText()).as(replay.toString()).isEqualTo("lineage");
    long head = 0;
    long stoppedAt = -1;
    for (int i = 0; i < 6_000 && stoppedAt < 0; i++) {
      JsonNode lineage = lineageStatus();
      head = lineage.path("head").asLong();
      long position = lineage.path("position").asLong();
      if (lineage.path("replaying").asBoolean() && position > head / 5 && position < head / 2) {
        stoppedAt = position;
      } else {
        Thread.sleep(5);
      }
    }
    assertThat(stoppedAt)
        .as("seen replaying between a fifth and half of %d events", head)
        .isPositive();
    first.close();

    long[] token = replayToken();
    assertThat(token[0]).as("the stored token is still a replay token").isEqualTo(1);
    assertThat(token[1]).as("it stopped past where it was seen").isGreaterThanOrEqualTo(stoppedAt);
    assertThat(token[1]).as("and before the end").isLessThan(head);

    ConfigurableApplicationContext second = start();
    try {
      url = "http://localhost:" + port(second);
      awaitCaughtUp();
      Map<String, JsonNode> rebuilt = answers(targets);
      List<String> differ = new ArrayList<>();
      live.forEach(
          (target, answer) -> {
            if (!answer.equals(rebuilt.get(target))) {
              differ.add(target);
            }
          });
      assertThat(differ).as("answers that changed with the interrupted rebuild").isEmpty();
    } finally {
      second.close();
    }
  }

  private ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>();
    args.add("--kp.data-dir=" + dataDir);
    args.add("--server.port=0");
    args.add("--axon.eventhandling.processors.projections.batch-size=1");
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(TestDatabase.arguments(database)));
    ConfigurableApplicationContext node = LedgerApplication.start(args.toArray(String[]::new));
    url = "http://localhost:" + port(node);
    return node;
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  /** {1 if the projections processor's stored token is a replay token, its position}. */
  private long[] replayToken() throws Exception {
    try (Connection c =
            database.isEmpty()
                ? DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("ledger"), "sa", "")
                : DriverManager.getConnection(
                    database.get("spring.datasource.url"),
                    database.get("spring.datasource.username"),
                    "");
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT token_type, token FROM token_entry"
                        + " WHERE processor_name = 'projections'")) {
      assertThat(r.next()).isTrue();
      boolean replay = r.getString(1).endsWith("ReplayToken");
      JsonNode token = JSON.readTree(r.getBytes(2));
      return new long[] {replay ? 1 : 0, token.path("currentToken").path("index").asLong(-1)};
    }
  }

  private void awaitCaughtUp() throws InterruptedException {
    for (int i = 0; i < 1_200; i++) {
      boolean done = true;
      for (JsonNode p : send("GET", "/api/projections")) {
        done &=
            p.path("running").asBoolean()
                && !p.path("replaying").asBoolean()
                && p.path("lag").asLong() == 0;
      }
      if (done) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("projections did not catch up: " + send("GET", "/api/projections"));
  }

  private JsonNode lineageStatus() {
    for (JsonNode p : send("GET", "/api/projections")) {
      if ("lineage".equals(p.path("name").asText())) {
        return p;
      }
    }
    throw new AssertionError("no lineage projection");
  }

  private Map<String, JsonNode> answers(List<String> targets) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String target : targets) {
      JsonNode answer = send("GET", target);
      if (answer instanceof ObjectNode o) {
        o.remove("gateEvaluatedAt");
      }
      out.put(target, answer);
    }
    return out;
  }

  private JsonNode send(String method, String target) {
    Map<String, String> headers =
        method.equals("GET")
            ? ledger.monitorHeaders(method, target)
            : ledger.auditorHeaders(method, target);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + target))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method + " " + target + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
