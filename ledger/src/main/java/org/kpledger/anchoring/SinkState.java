package org.kpledger.anchoring;

import java.util.List;
import java.util.Optional;
import org.kpledger.merkle.MerkleLog;

/** What the publisher knows about one sink; used under the publisher's lock only. */
final class SinkState {

  final AnchorSink sink;

  /** The sink's last head; {@code null} when unknown and to be asked again. */
  private Optional<AnchoredHead> last;

  private String lastError;

  SinkState(AnchorSink sink) {
    this.sink = sink;
  }

  /** Asks the sink for its last head unless known; records the failure and returns empty if not. */
  Optional<AnchoredHead> last() {
    if (last == null) {
      try {
        last = sink.lastAnchored();
        lastError = null;
      } catch (RuntimeException e) {
        lastError = "unavailable: " + e.getMessage();
        return Optional.empty();
      }
    }
    return last;
  }

  long lastSize() {
    return last == null ? -1 : last.map(a -> a.head().size()).orElse(0L);
  }

  /** Brings the sink up to {@code head}, with a consistency proof from its last head. */
  void catchUp(SignedTreeHead head, MerkleLog log) {
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
      lastError = null;
    } catch (AnchorRejectedException e) {
      last = null;
      lastError = "rejected: " + e.getMessage();
    } catch (RuntimeException e) {
      last = null;
      lastError = "unavailable: " + e.getMessage();
    }
  }

  AnchoringStatus.SinkStatus status(List<TreeHead> signed) {
    long size = lastSize();
    int waiting = (int) signed.stream().filter(h -> h.size() > size).count();
    return new AnchoringStatus.SinkStatus(
        sink.name(),
        last == null ? Optional.empty() : last,
        waiting,
        Optional.ofNullable(lastError));
  }
}
