package org.kpledger.anchoring.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;

/**
 * What the anchoring machinery has done, for an operator and a status endpoint.
 *
 * @param treeSize the committed size of the Merkle log at the last round
 * @param latestSigned the newest head signed (or, after a restart, anchored), if any
 * @param signingError why the last round signed nothing although the log had grown, if so
 * @param sinks one entry per sink
 */
public record AnchoringStatus(
    long treeSize,
    Optional<SignedTreeHead> latestSigned,
    Optional<String> signingError,
    List<SinkStatus> sinks) {

  /**
   * Copies the list.
   *
   * @param treeSize the committed tree size
   * @param latestSigned the newest signed head
   * @param signingError why signing failed, if it did
   * @param sinks per-sink status
   */
  public AnchoringStatus {
    sinks = List.copyOf(sinks);
  }

  /**
   * The state of one sink.
   *
   * @param sink the sink's name
   * @param lastAnchored the last head the sink kept, if known
   * @param headsWaiting how many heads signed by this node since it started are newer than the
   *     sink's last head (the next anchor catches all of them up at once)
   * @param lastError why the last attempt failed, if it did
   * @param health whether the sink keeps heads, cannot be reached, or refused one
   * @param nextAttempt when the sink is tried again, while it is backing off
   */
  public record SinkStatus(
      String sink,
      Optional<AnchoredHead> lastAnchored,
      int headsWaiting,
      Optional<String> lastError,
      SinkHealth health,
      Optional<Instant> nextAttempt) {}

  /** How a sink fares, as of its last attempt. */
  public enum SinkHealth {
    /** The last attempt succeeded (or none failed yet). */
    ANCHORING,
    /**
     * The sink could not be reached or did not commit; heads wait and it is retried with back-off.
     */
    UNAVAILABLE,
    /**
     * The sink refused the newest head for good: the head is not offered again, an operator must
     * find out why the log and the sink disagree.
     */
    REJECTED
  }
}
