package org.kpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the node's CPU goes: JDK Flight Recorder samples the running threads every 10 ms while a
 * phase runs, and each sample of a node thread is charged to the first stage, in the order of
 * {@link #STAGES}, that has a frame on its stack (so an H2 commit made through Hibernate counts as
 * H2, and Hibernate keeps only its own work). The benchmark's HTTP clients are left out; an
 * unsigned client's thread counts while it runs its command in Axon.
 */
final class StageProfile {
  /** Stage name and the frame prefixes that put a sample in it; first match wins. */
  private static final List<Map.Entry<String, List<String>>> STAGES =
      List.of(
          Map.entry("canonicalisation (RFC 8785)", List.of("org.kpledger.canonical.")),
          Map.entry(
              "signature and certificate checks",
              List.of(
                  "org.kpledger.api.command.EnvelopeVerifier",
                  "org.kpledger.signing.",
                  "org.kpledger.identity.",
                  "org.bouncycastle.")),
          Map.entry(
              "H2 commit (write the chunk)",
              List.of("org.h2.mvstore.MVStore.commit", "org.h2.mvstore.MVStore.store")),
          Map.entry("H2 statements", List.of("org.h2.")),
          Map.entry(
              "PostgreSQL JDBC driver (the server's CPU is not here)", List.of("org.postgresql.")),
          Map.entry("Hibernate (JPA event and token store)", List.of("org.hibernate.")),
          Map.entry(
              "Merkle log and leaf encoding",
              List.of("org.kpledger.anchoring.", "org.kpledger.merkle.")),
          Map.entry(
              "projections' SQL and logic",
              List.of(
                  "org.kpledger.api.projection.",
                  "org.kpledger.api.registry.",
                  "org.kpledger.api.lineage.",
                  "org.kpledger.api.holdings.",
                  "org.kpledger.api.shipment.",
                  "org.kpledger.api.certificate.",
                  "org.kpledger.api.zone.",
                  "org.kpledger.api.statistics.")),
          Map.entry(
              "custody rules (aggregates, handlers, facts)",
              List.of(
                  "org.kpledger.custody.",
                  "org.kpledger.zone.",
                  "org.kpledger.licence.",
                  "org.kpledger.miner.",
                  "org.kpledger.site.",
                  "org.kpledger.lot.",
                  "org.kpledger.parcel.",
                  "org.kpledger.stockpile.",
                  "org.kpledger.shipment.",
                  "org.kpledger.certificate.",
                  "org.kpledger.revocation.",
                  "org.kpledger.facts.")),
          Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson.")),
          Map.entry("Axon (buses, units of work, processors)", List.of("org.axonframework.")),
          Map.entry("command path (receipts, dispatch)", List.of("org.kpledger.api.command.")),
          Map.entry(
              "HTTP (Tomcat, Spring MVC)",
              List.of("org.apache.", "org.springframework.web.", "org.springframework.http.")));

  private final Map<String, Long> byStage = new LinkedHashMap<>();
  private final Map<String, Long> byThread = new LinkedHashMap<>();
  private final Map<String, Long> threadCpu = new LinkedHashMap<>();
  private long samples;

  /** Adds the CPU every thread of the process spent between two {@link ThreadCpu} snapshots. */
  void addThreadCpu(
      Map<String, Map.Entry<String, Long>> before, Map<String, Map.Entry<String, Long>> after) {
    ThreadCpu.spent(before, after).forEach((g, v) -> threadCpu.merge(g, v, Long::sum));
  }

  /** Starts sampling. */
  static Recording start() {
    Recording recording = new Recording();
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
    recording.start();
    return recording;
  }

  /** Stops the recording and adds its samples to this profile. */
  void add(Recording recording) throws IOException {
    recording.stop();
    Path file = Files.createTempFile("kp-bench", ".jfr");
    try {
      recording.dump(file);
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
          add(e);
        }
      }
    } finally {
      recording.close();
      Files.deleteIfExists(file);
    }
  }

  private void add(RecordedEvent sample) {
    String thread =
        sample.getThread("sampledThread") == null
            ? "?"
            : String.valueOf(sample.getThread("sampledThread").getJavaName());
    if (sample.getStackTrace() == null) {
      return;
    }
    String group = threadGroup(thread, sample.getStackTrace().getFrames());
    if (group == null) {
      return;
    }
    samples++;
    byThread.merge(group, 1L, Long::sum);
    byStage.merge(stage(sample.getStackTrace().getFrames()), 1L, Long::sum);
  }

  private static String threadGroup(String thread, List<RecordedFrame> frames) {
    if (thread.startsWith("bench-client")) {
      // an unsigned client runs its command in Axon on its own thread; a signed one only waits
      return frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith("org.axon"))
          ? "command threads (unsigned: the client's own)"
          : null;
    }
    if (thread.startsWith("HttpClient")) {
      return null;
    }
    if (thread.startsWith("http-nio")) {
      return "request threads (verify, command, commit)";
    }
    if (thread.startsWith("kp-command-group-writer")) {
      return "command group writer (command, commit)";
    }
    if (thread.contains("EventProcessor[anchoring]")) {
      return "anchoring processor";
    }
    if (thread.contains("EventProcessor[")) {
      return "projections processor";
    }
    if (thread.startsWith("EmbeddedEventStore")) {
      return "event store reader (feeds the processors)";
    }
    return "other node threads";
  }

  private static String stage(List<RecordedFrame> frames) {
    for (Map.Entry<String, List<String>> stage : STAGES) {
      for (RecordedFrame frame : frames) {
        String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        for (String prefix : stage.getValue()) {
          if (method.startsWith(prefix)) {
            return stage.getKey();
          }
        }
      }
    }
    return "other (JDK and libraries)";
  }

  /** The profile as two small tables: by node thread and by stage, in shares of samples. */
  String table(String title) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s: %d samples of node threads (10 ms period)%n", title, samples));
    append(out, byThread);
    append(out, byStage);
    if (!threadCpu.isEmpty()) {
      out.append(ThreadCpu.table("the same phases, every thread", threadCpu));
      out.append('\n');
    }
    return out.toString();
  }

  private void append(StringBuilder out, Map<String, Long> counts) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                out.append(
                    String.format(
                        "  %-45s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / samples)));
    out.append('\n');
  }
}
