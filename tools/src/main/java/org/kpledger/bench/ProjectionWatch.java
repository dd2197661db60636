package org.kpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.kpledger.generate.GeneratedLedger;

/**
 * Watches {@code GET /api/projections} until every projection runs, is not replaying and has lag 0,
 * printing progress; and times a rebuild of all of them ({@code POST .../replay} each, at once).
 */
final class ProjectionWatch {
  /** How long each projection took to catch up again, and all of them together. */
  record Rebuild(Map<String, Double> seconds, double total, long events) {
    String describe() {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  "projection rebuild (all %d replayed at once, %,d events): %.1f s total, %,.0f"
                      + " events/s per projection;",
                  seconds.size(), events, total, events * seconds.size() / total));
      seconds.forEach((name, s) -> b.append(String.format(" %s %.1f s", name, s)));
      return b.toString();
    }
  }

  private final Function<String, ReadBenchmark.Answer> get;

  ProjectionWatch(Function<String, ReadBenchmark.Answer> get, GeneratedLedger year) {
    this.get = get;
  }

  void awaitCaughtUp(String label) throws InterruptedException {
    long start = System.nanoTime();
    long lastPrint = 0;
    while (true) {
      JsonNode status = status();
      if (allDone(status)) {
        System.err.printf("[bench] %s: done in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
        return;
      }
      if (System.nanoTime() - lastPrint > 5_000_000_000L) {
        lastPrint = System.nanoTime();
        System.err.println("[bench] " + label + ": " + progress(status));
      }
      Thread.sleep(200);
    }
  }

  Rebuild replayAll(Function<String, ReadBenchmark.Answer> post) throws InterruptedException {
    JsonNode before = status();
    long events = before.size() > 0 ? before.get(0).path("head").asLong() + 1 : 0;
    long start = System.nanoTime();
    for (JsonNode p : before) {
      ReadBenchmark.Answer a =
          post.apply("/api/projections/" + p.path("name").asText() + "/replay");
      if (a.status() != 200) {
        throw new IllegalStateException("replay refused: " + a.body());
      }
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    long lastPrint = System.nanoTime();
    while (seconds.size() < before.size()) {
      Thread.sleep(100);
      JsonNode status = status();
      double at = (System.nanoTime() - start) / 1e9;
      for (JsonNode p : status) {
        if (done(p)) {
          seconds.putIfAbsent(p.path("name").asText(), at);
        }
      }
      if (System.nanoTime() - lastPrint > 5_000_000_000L) {
        lastPrint = System.nanoTime();
        System.err.printf("[bench] rebuilding projections, %.0f s: %s%n", at, progress(status));
      }
    }
    return new Rebuild(seconds, (System.nanoTime() - start) / 1e9, events);
  }

  private JsonNode status() {
    return get.apply("/api/projections").body();
  }

  private static boolean allDone(JsonNode status) {
    boolean done = status.size() > 0;
    for (JsonNode p : status) {
      done &= done(p);
    }
    return done;
  }

  private static boolean done(JsonNode p) {
    return p.path("running").asBoolean()
        && !p.path("replaying").asBoolean()
        && p.path("lag").asLong() == 0;
  }

  private static String progress(JsonNode status) {
    StringBuilder b = new StringBuilder();
    for (JsonNode p : status) {
      long head = Math.max(1, p.path("head").asLong());
      b.append(
          String.format(
              "%s %.0f%%%s ",
              p.path("name").asText(),
              100.0 * Math.max(0, p.path("position").asLong()) / head,
              p.path("replaying").asBoolean() ? " (replaying)" : ""));
    }
    return b.toString().trim();
  }
}
