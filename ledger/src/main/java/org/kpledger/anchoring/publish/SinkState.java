package org.kpledger.anchoring.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.publish.AnchoringStatus.SinkHealth;
import org.kpledger.merkle.MerkleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the publisher knows about one sink, and when to offer it heads again ({@link RetryPolicy});
 * used under the publisher's lock only.
 */
final class SinkState {

  private static final Logger LOG = LoggerFactory.getLogger(SinkState.class);

  final AnchorSink sink;
  private final RetryPolicy retry;
  private final Clock clock;

  /** The sink's last head; {@code null} when unknown and to be asked again. */
  private Optional<AnchoredHead> last;

  private SinkHealth health = SinkHealth.ANCHORING;
  private String lastError;
  private int failures;
  private Instant nextAttempt = Instant.MIN;

  /** The size of the head the sink refused, while it is the newest; -1 when none. */
  private long refusedSize = -1;

  SinkState(AnchorSink sink, RetryPolicy retry, Clock clock) {
    this.sink = sink;
    this.retry = retry;
    this.clock = clock;
  }

  /**
   * Asks the sink for its last head unless known or backing off; records the failure and returns
   * empty if not.
   */
  Optional<AnchoredHead> last() {
    if (last == null) {
      if (backingOff()) {
        return Optional.empty();
      }
      try {
        last = sink.lastAnchored();
        if (health == SinkHealth.UNAVAILABLE) {
          // reachable again; it may already hold the newest head (an answer lost in transit)
          health = SinkHealth.ANCHORING;
          lastError = null;
          failures = 0;
        }
      } catch (RuntimeException e) {
        unavailable(e);
        return Optional.empty();
      }
    }
    return last;
  }

  /** Forgets the sink's last head, so that the next round asks the sink again. */
  void forget() {
    last = null;
  }

  long lastSize() {
    return last == null ? -1 : last.map(a -> a.head().size()).orElse(0L);
  }

  /**
   * Brings the sink up to {@code head}, with a consistency proof from its last head, unless it is
   * backing off or refused this very head.
   */
  void catchUp(SignedTreeHead head, MerkleLog log) {
    if (backingOff() || head.size() <= refusedSize) {
      return;
    }
    Optional<AnchoredHead> known = last();
    if (last == null || known.isPresent() && known.get().head().size() >= head.size()) {
      return;
    }
    try {
      List<byte[]> proof =
          known.isEmpty()
              ? List.of()
              : log.consistencyProof(known.get().head().size(), head.size());
      last = Optional.of(new AnchoredHead(head, sink.anchor(head, proof)));
      if (health != SinkHealth.ANCHORING) {
        LOG.info("anchor sink {} anchors again, at size {}", sink.name(), head.size());
      }
      health = SinkHealth.ANCHORING;
      lastError = null;
      failures = 0;
      refusedSize = -1;
    } catch (AnchorRejectedException e) {
      last = null;
      health = SinkHealth.REJECTED;
      refusedSize = head.size();
      failures++;
      nextAttempt = clock.instant().plus(retry.afterRejection());
      lastError = "rejected: " + e.getMessage();
      LOG.error(
          "anchor sink {} REJECTED the head of size {}: {}; it is not offered again, a newer head"
              + " not before {}",
          sink.name(),
          head.size(),
          e.getMessage(),
          nextAttempt);
    } catch (RuntimeException e) {
      last = null;
      unavailable(e);
    }
  }

  AnchoringStatus.SinkStatus status(List<TreeHead> signed) {
    long size = lastSize();
    int waiting = (int) signed.stream().filter(h -> h.size() > size).count();
    return new AnchoringStatus.SinkStatus(
        sink.name(),
        last == null ? Optional.empty() : last,
        waiting,
        Optional.ofNullable(lastError),
        health,
        backingOff() ? Optional.of(nextAttempt) : Optional.empty());
  }

  private boolean backingOff() {
    return clock.instant().isBefore(nextAttempt);
  }

  private void unavailable(RuntimeException e) {
    failures = health == SinkHealth.REJECTED ? 1 : failures + 1;
    health = SinkHealth.UNAVAILABLE;
    nextAttempt = clock.instant().plus(retry.delayAfter(failures));
    lastError = "unavailable: " + e.getMessage();
    LOG.warn(
        "anchor sink {} unavailable ({} in a row), next attempt at {}: {}",
        sink.name(),
        failures,
        nextAttempt,
        e.toString());
  }
}
