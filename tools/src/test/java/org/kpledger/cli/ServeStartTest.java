package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A newcomer's first {@code kp serve} (issue #17, friction item 8 and 9): a start that logs no
 * warning, a node that listens on loopback unless told otherwise, and a port already taken named in
 * one line, without the stack traces of a node started and stopped again. The node runs as its own
 * process, started as {@code kp serve} starts it, so that what it prints is what a person sees.
 */
@DisabledIfSystemProperty(named = "kp.test.postgres", matches = ".+")
class ServeStartTest {
  private static final Pattern PORT = Pattern.compile("Tomcat started on port ([0-9]+)");
  private static final Pattern STACK_LINE = Pattern.compile("^\\s+at [\\w$.]+\\(");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private Process node;
  private Thread reader;

  @AfterEach
  void stop() throws InterruptedException {
    if (node != null && node.isAlive()) {
      node.destroy();
      node.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX) // reads the listening sockets from /proc/net
  void aFirstStartLogsNoWarningAndListensOnLoopbackOnly() throws Exception {
    Path data = Files.createTempDirectory("kp-first-start");
    start(data, "--server.port=0");
    int port = awaitPort();
    awaitLine("Started KpCli");

    assertThat(lines)
        .as("a first start warns of nothing (Spring's deprecation notes, springdoc's notice)")
        .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "));
    List<String> listening = listeningAddresses(port);
    assertThat(listening).as("sockets listening on port " + port).isNotEmpty();
    assertThat(listening).as("every one on loopback").allMatch(ServeStartTest::loopback);
  }

  @Test
  void aPortAlreadyInUseIsOneLineNamingItWithoutAStackTraceAndExitsOne() throws Exception {
    Path data = Files.createTempDirectory("kp-port-taken");
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      start(data, "--server.port=" + port);
      assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("the node gave up").isTrue();
      awaitOutputRead();
      System.out.println("kp serve on a taken port printed:\n" + String.join("\n", lines));

      assertThat(node.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
      assertThat(lines)
          .as("the last line names the port and what to do")
          .last()
          .asString()
          .startsWith("kp serve: port " + port + " is already in use")
          .contains("--server.port");
      assertThat(lines)
          .as("no stack trace, no exception's name")
          .noneMatch(line -> STACK_LINE.matcher(line).find() || line.contains("Exception"));
      assertThat(lines).as("nothing of the node started").noneMatch(l -> l.contains("Starting"));
      assertThat(data.resolve("ledger.mv.db")).as("no database opened").doesNotExist();
    }
  }

  private void start(Path data, String portSetting) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.kpledger.cli.KpCli");
    command.add("serve");
    command.add(portSetting);
    command.add("--kp.data-dir=" + data);
    node = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the node stopped
              }
            },
            "node-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void awaitOutputRead() throws InterruptedException {
    reader.join(Duration.ofSeconds(10).toMillis());
  }

  private int awaitPort() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline) && node.isAlive()) {
      for (String line : lines) {
        Matcher m = PORT.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the node did not start: " + String.join("\n", lines));
  }

  private void awaitLine(String fragment) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline) && node.isAlive()) {
      if (lines.stream().anyMatch(l -> l.contains(fragment))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line with " + fragment + ": " + String.join("\n", lines));
  }

  /** The local addresses (hex, as the kernel writes them) of the sockets listening on a port. */
  private static List<String> listeningAddresses(int port) throws IOException {
    String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
    List<String> found = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String row : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] f = row.trim().split("\\s+");
        if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(suffix)) { // 0A: LISTEN
          found.add(f[1].substring(0, f[1].length() - suffix.length()));
        }
      }
    }
    return found;
  }

  /** 127.0.0.0/8, ::1, or 127.x mapped into IPv6, in /proc/net's byte order. */
  private static boolean loopback(String hex) {
    return hex.length() == 8 && hex.endsWith("7F")
        || hex.equals("00000000000000000000000001000000")
        || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F");
  }
}
