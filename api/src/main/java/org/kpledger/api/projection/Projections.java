package org.kpledger.api.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.kpledger.api.problem.QueryRefusedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every projection of the node with its lag (the store's newest global index minus its processor's
 * position) and its replay: stop the processor, reset its token (which drops and creates the tables
 * of every projection it runs), start it again from the first event. All projections share one
 * processor ({@link ProjectionProcessing}), so replaying one rebuilds them all.
 */
@Component
public class Projections {
  private final List<Projection> projections;
  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;

  Projections(
      List<Projection> projections, EventProcessingConfiguration processing, JdbcTemplate jdbc) {
    this.projections =
        projections.stream().sorted(java.util.Comparator.comparing(Projection::name)).toList();
    this.processing = processing;
    this.jdbc = jdbc;
  }

  /** The status of every projection. */
  public List<ProjectionStatus> status() {
    long head = head();
    return projections.stream().map(p -> status(p, head)).toList();
  }

  /**
   * Drops and rebuilds a projection, and every other projection of its processor, from the event
   * store; returns its status after the restart.
   */
  public ProjectionStatus replay(String name) {
    Projection projection = find(name);
    StreamingEventProcessor processor =
        processor(name)
            .orElseThrow(() -> new IllegalStateException("no streaming processor for " + name));
    synchronized (processor) {
      if (processor.isRunning() && processor.isReplaying()) {
        // a replay of this processor is under way: it dropped every projection it runs and is
        // rebuilding them from the first event, this one included; restarting it adds nothing
        return status(projection, head());
      }
      processor.shutDown();
      processor.resetTokens();
      processor.start();
      awaitClaim(processor);
    }
    return status(projection, head());
  }

  /**
   * Waits until the restarted processor has claimed its segment, so that a second replay (of
   * another projection on the same processor) does not shut it down while it is still starting.
   */
  private static void awaitClaim(StreamingEventProcessor processor) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The projection of that name, or a 404. */
  public Projection find(String name) {
    return projections.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> QueryRefusedException.notFound("name", "projection " + name));
  }

  private ProjectionStatus status(Projection p, long head) {
    Optional<StreamingEventProcessor> processor = processor(p.name());
    boolean running = processor.map(StreamingEventProcessor::isRunning).orElse(false);
    boolean replaying = processor.map(StreamingEventProcessor::isReplaying).orElse(false);
    long position = processor.map(this::position).orElse(-1L);
    long lag = head < 0 ? 0 : Math.max(0, head - position);
    String processorName = processor.map(StreamingEventProcessor::getName).orElse(null);
    return new ProjectionStatus(
        p.name(), processorName, running, replaying, position, head, lag, p.tables());
  }

  private long position(StreamingEventProcessor processor) {
    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
    if (segments.isEmpty()) {
      return -1;
    }
    long lowest = Long.MAX_VALUE;
    for (EventTrackerStatus s : segments.values()) {
      OptionalLong at = s.getCurrentPosition();
      lowest = Math.min(lowest, at.isPresent() ? at.getAsLong() : -1);
    }
    return lowest;
  }

  private Optional<StreamingEventProcessor> processor(String projection) {
    return processing.eventProcessorByProcessingGroup(projection, StreamingEventProcessor.class);
  }

  private long head() {
    Long max = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    return max == null ? -1 : max;
  }
}
