package org.kpledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What machine a figure came from. */
public final class Machine {
  private Machine() {}

  /** One line: CPU, cores, JVM, heap and OS. */
  public static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse(cpu);
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: the JVM's own facts below still say enough
    }
    return String.format(
        "machine: %s, %d cores visible to the JVM, %s %s, max heap %d MiB, %s %s",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }
}
