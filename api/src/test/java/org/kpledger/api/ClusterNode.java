package org.kpledger.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a cluster on a shared database (MultiNodeIT), run as operators run it: the packaged
 * node jar ({@link NodeProcess#jar()}), in a process of its own with its own port and data
 * directory, started and killed at the test's will; its output goes to {@code node.log} in the data
 * directory.
 */
final class ClusterNode {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dataDir;
  private final int port;
  private final List<String> settings;
  private Process process;

  /**
   * @param dataDir the node's data directory
   * @param port its HTTP port
   * @param settings further {@code --name=value} settings
   */
  ClusterNode(Path dataDir, int port, List<String> settings) {
    this.dataDir = dataDir;
    this.port = port;
    this.settings = List.copyOf(settings);
  }

  /** Starts the process; {@link #awaitUp} waits until it answers. */
  ClusterNode start() throws IOException {
    Files.createDirectories(dataDir);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                NodeProcess.jar().toString(),
                "--kp.data-dir=" + dataDir,
                "--server.port=" + port));
    command.addAll(settings);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()))
            .start();
    return this;
  }

  /** Waits until the node is ready (its readiness probe answers 200), at most {@code limit}. */
  ClusterNode awaitUp(Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("node on port " + port + " died: " + log());
      }
      if (ready()) {
        return this;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("node on port " + port + " not ready in " + limit + ": " + log());
  }

  /** Whether the readiness probe answers 200. */
  boolean ready() {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(url("/actuator/health/readiness"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  void killNine() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  Path dataDir() {
    return dataDir;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String log() throws IOException {
    Path log = dataDir.resolve("node.log");
    if (!Files.exists(log)) {
      return "(no log)";
    }
    String text = Files.readString(log);
    return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
  }

  /** A TCP port free on loopback now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
