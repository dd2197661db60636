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
 * A ledger node started as an operator starts it: {@code java -jar kp-ledger-api-node.jar
 * --server.port=...} from the packaged jar that the Failsafe configuration names in the system
 * property {@value #JAR} (api/pom.xml), its output in {@code node.log} of its data directory.
 */
final class NodeProcess implements AutoCloseable {
  /** The system property naming the packaged node's jar. */
  static final String JAR = "kp.node.jar";

  private final Process process;
  private final Path log;
  private final int port;

  private NodeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * The packaged node: {@value #JAR}, else {@code target/kp-ledger-api-node.jar} of the api module.
   */
  static Path jar() {
    return Path.of(System.getProperty(JAR, Path.of("target", "kp-ledger-api-node.jar").toString()))
        .toAbsolutePath();
  }

  /** Starts a node on a free port and waits until {@code /api/status} answers 200. */
  static NodeProcess start(Path dataDir, List<String> arguments) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar().toString(),
                "--kp.data-dir=" + dataDir,
                "--server.port=" + port));
    command.addAll(arguments);
    Path log = dataDir.resolve("node.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NodeProcess node = new NodeProcess(p, log, port);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError("node died: " + Files.readString(log));
      }
      try {
        if (node.get("/api/status").statusCode() == 200) {
          return node;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    node.close();
    throw new AssertionError("node did not start: " + Files.readString(log));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with the given headers (a signed read's). */
  HttpResponse<String> get(String path, java.util.Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(url() + path);
  }

  /** The node's base URL, for {@code --url}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The node's output so far, for a failure message. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Kills the node (SIGKILL) and waits for it to end. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }
}
