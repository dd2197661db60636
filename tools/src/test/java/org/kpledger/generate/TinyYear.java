package org.kpledger.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny generated year for tests: its options, its plan, and a run of it against a test node. */
final class TinyYear {
  static final double SIZE = 0.005;
  static final long SEED = 7;
  static final int BATCH = 25;

  final String prefix;
  final Path dataDir;
  final Path stateDir;
  final String url;

  TinyYear(String prefix, Path dataDir, int port) {
    this.prefix = prefix;
    this.dataDir = dataDir;
    this.url = "http://localhost:" + port;
    try {
      this.stateDir = Files.createTempDirectory("kp-generate-" + prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  YearGenerator.Result run(long stopAfter) {
    YearGenerator.Options o =
        new YearGenerator.Options(
            url, dataDir, stateDir, SIZE, SEED, prefix, 4, BATCH, stopAfter, 60);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      return new YearGenerator(o, new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      System.out.print(err.toString(StandardCharsets.UTF_8));
    }
  }

  /** The plan this year follows (the year ends on the day its state directory records). */
  YearPlan plan() {
    try {
      GeneratorState s = GeneratorState.openOrCreate(stateDir, SEED, SIZE, prefix);
      return new YearPlan(s.seed(), s.size(), s.prefix(), s.yearEnd(), Identities.named(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every step's key with its command id, in plan order. */
  Map<String, String> commandIds() {
    YearPlan plan = plan();
    Map<String, String> ids = new LinkedHashMap<>();
    for (Phase p : plan.phases) {
      for (int c = 0; c < p.chains(); c++) {
        for (Step s : p.chain().apply(c).steps()) {
          if (ids.put(s.key(), plan.commandId(s)) != null) {
            throw new IllegalStateException("step key used twice: " + s.key());
          }
        }
      }
    }
    return ids;
  }
}
