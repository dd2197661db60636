package org.kpledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.kpledger.progress.ProgressLine;
import org.kpledger.world.CarZones;

/** Loads the demo scenario into a node through signed commands over HTTP. */
final class DemoLoader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(2);
  private final Path dataDir;

  DemoLoader(String dataDir) {
    this.dataDir = Path.of(dataDir);
  }

  /** Loads the demo unless a previous load completed in this data directory. */
  void loadIfEmpty(String url) {
    if (Files.exists(marker())) {
      System.out.println("demo already loaded (" + marker() + ")");
      return;
    }
    load(url);
  }

  /** Loads the demo; returns whether every step went as scripted. */
  boolean load(String url) {
    ProgressLine progress = ProgressLine.onStderr("demo", PROGRESS_INTERVAL);
    try {
      DemoOrganisations orgs =
          DemoOrganisations.prepare(dataDir.resolve("demo"), dataDir.resolve("trust"));
      LedgerClient client = new LedgerClient(url);
      int[] count = {0};
      DemoScenario.Ledger ledger =
          new DemoScenario.Ledger() {
            @Override
            public JsonNode submit(String actor, String type, JsonNode payload) {
              LedgerClient.Response r = post(client, orgs, actor, type, payload);
              if (r.status() >= 300) {
                throw new IllegalStateException(type + " by " + actor + " refused: " + r.body());
              }
              count[0]++;
              progress.update("loading: " + count[0] + " signed commands");
              return read(r.body());
            }

            @Override
            public JsonNode expectRefusal(
                String actor, String type, JsonNode payload, String rule) {
              LedgerClient.Response r = post(client, orgs, actor, type, payload);
              JsonNode problem = read(r.body());
              if (r.status() < 400 || !rule.equals(problem.path("rule").asText())) {
                throw new IllegalStateException(
                    type + " should be refused with " + rule + ": " + r.body());
              }
              count[0]++;
              progress.update("loading: " + count[0] + " signed commands");
              return problem;
            }
          };
      new DemoScenario(ledger, Instant.now()).run(CarZones.subPrefectures(), CarZones.decisions());
      Files.writeString(marker(), Instant.now() + "\n");
      progress.close(); // ends the in-place line before the summary
      System.out.println("demo loaded: " + count[0] + " signed commands submitted to " + url);
      return true;
    } catch (IOException | RuntimeException e) {
      progress.close();
      System.err.println("demo failed: " + e.getMessage());
      return false;
    }
  }

  private Path marker() {
    return dataDir.resolve("demo").resolve("loaded");
  }

  private static LedgerClient.Response post(
      LedgerClient client, DemoOrganisations orgs, String actor, String type, JsonNode payload) {
    try {
      return client.post(orgs.actor(actor).sign(type, payload).toJson());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
