package org.kpledger.bench.micro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classpath a forked JMH JVM is started with. JMH starts {@code ForkedMain} with {@code -cp}
 * set to this JVM's {@code java.class.path}; run as {@code java -jar kp-ledger.jar}, that is the
 * Spring Boot jar, whose classes and libraries are nested under {@code BOOT-INF/} where a plain JVM
 * does not look, so the fork would not find JMH or the benchmarks. This extracts the jar with
 * Spring Boot's own {@code jarmode=tools extract} (an application jar whose manifest names every
 * library in {@code lib/}) into a temporary directory, removed on {@link #close()}. From an
 * exploded classpath (tests, an IDE) the classpath is used as it is.
 */
final class ForkClasspath implements AutoCloseable {
  private final Path extracted;
  private final String classpath;

  private ForkClasspath(Path extracted, String classpath) {
    this.extracted = extracted;
    this.classpath = classpath;
  }

  static ForkClasspath forThisJvm() throws IOException, InterruptedException {
    String own = System.getProperty("java.class.path");
    Path jar = Path.of(own);
    if (!own.endsWith(".jar") || !Files.isRegularFile(jar) || !isSpringBootJar(jar)) {
      return new ForkClasspath(null, own);
    }
    Path dir = Files.createTempDirectory("kp-bench-micro-classpath");
    Process extract =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ForkClasspath result = new ForkClasspath(dir, dir.resolve(jar.getFileName()).toString());
    if (extract.waitFor() != 0 || !Files.isRegularFile(Path.of(result.classpath))) {
      result.close();
      throw new IOException("could not extract " + jar + " for the forked JVMs: " + output);
    }
    return result;
  }

  /** The value for the forked JVM's {@code -cp}. */
  String classpath() {
    return classpath;
  }

  @Override
  public void close() throws IOException {
    if (extracted == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(extracted)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static boolean isSpringBootJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry("BOOT-INF/classes/") != null;
    }
  }
}
