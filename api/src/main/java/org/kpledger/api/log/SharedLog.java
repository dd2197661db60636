package org.kpledger.api.log;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.kpledger.anchoring.checkpoint.CheckpointException;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.anchoring.publish.AnchoringProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's side of several nodes on one database ({@code kp.multi-node=true}): which node signs
 * tree heads, this node's copy of the checkpoint file, and the one signing key they share.
 *
 * <p>The node that signs is the one whose anchoring processor owns its single segment: Axon's token
 * claim in {@code token_entry} already makes one node at a time append leaves, and passes the
 * segment to another node when the owner stops extending its claim (a node killed with SIGKILL
 * loses it after {@code axon.eventhandling.tokenstore.claim-timeout}). Signing where the leaves are
 * appended keeps heads right behind the leaves; if two nodes ever believe they own it, the local
 * sink's row lock and the log's consistency checks keep them from recording two histories.
 */
final class SharedLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedLog.class);

  private final Configuration axon;
  private final LocalAnchorSink sink;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "checkpoint-copy");
            t.setDaemon(true);
            return t;
          });

  SharedLog(Configuration axon, LocalAnchorSink sink) {
    this.axon = axon;
    this.sink = sink;
  }

  /** Whether this node owns the anchoring processor's segment now. */
  boolean publishes() {
    return axon.eventProcessingConfiguration()
        .eventProcessor(AnchoringProcessor.PROCESSING_GROUP, StreamingEventProcessor.class)
        .map(p -> !p.processingStatus().isEmpty())
        .orElse(false);
  }

  /**
   * Refuses to run with a tree head key other than the one that signed the log's last head: the
   * nodes sign one log, so they must hold one key (README: copy it to every node).
   */
  static void checkSameKey(LocalAnchorSink sink, CheckpointVerifier verifier) {
    sink.lastAnchored()
        .ifPresent(
            last -> {
              try {
                verifier.verify(last.head().note());
              } catch (CheckpointException e) {
                throw new IllegalStateException(
                    "kp.multi-node: this node's tree head key (node/tree-head-key.pem in its data"
                        + " directory) did not sign the log's last head (size "
                        + last.head().size()
                        + "); every node of one log needs a copy of the same key",
                    e);
              }
            });
  }

  /** Copies the heads other nodes recorded into this node's checkpoint file every {@code every}. */
  void start(Duration every) {
    long millis = every.toMillis();
    thread.scheduleWithFixedDelay(this::copy, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void copy() {
    try {
      sink.copyRecordedHeads();
    } catch (RuntimeException e) {
      LOG.warn("cannot copy recorded checkpoints to this node's file: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
