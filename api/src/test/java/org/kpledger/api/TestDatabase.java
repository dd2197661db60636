package org.kpledger.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database the full-stack tests run on: an H2 file in the node's data directory (the embedded
 * default), or, when the system property {@code kp.test.postgres} names a PostgreSQL server ({@code
 * jdbc:postgresql://127.0.0.1:55432/}, with {@code kp.test.postgres.user}, as {@code bin/test} sets
 * them), a database of its own created on that server, so every run starts empty.
 */
public final class TestDatabase {
  private static final String SERVER = System.getProperty("kp.test.postgres", "");
  private static final String USER = System.getProperty("kp.test.postgres.user", "postgres");
  private static final Map<Path, Map<String, String>> BY_DATA_DIR = new HashMap<>();

  private TestDatabase() {}

  /** Whether the tests of this JVM run on PostgreSQL. */
  public static boolean postgres() {
    return !SERVER.isBlank();
  }

  /**
   * The datasource settings ({@code spring.datasource.*}) of the ledger whose node keeps its local
   * state (trust, checkpoints file) in {@code dataDir}, or empty for the H2 default. The first call
   * for a directory creates its database; later calls share it, as the test classes of one base
   * class share one node.
   */
  public static synchronized Map<String, String> forDataDir(Path dataDir) {
    return BY_DATA_DIR.computeIfAbsent(dataDir, d -> fresh().orElse(Map.of()));
  }

  /** A new, empty database of its own (for a test that starts a node of its own), or empty. */
  public static Optional<Map<String, String>> fresh() {
    if (!postgres()) {
      return Optional.empty();
    }
    String name = "kp_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database on " + SERVER, e);
    }
    return Optional.of(
        Map.of(
            "spring.datasource.url",
            SERVER + name,
            "spring.datasource.username",
            USER,
            "spring.datasource.password",
            ""));
  }

  /** The same settings as command-line arguments ({@code --name=value}). */
  public static String[] arguments(Map<String, String> settings) {
    return settings.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
