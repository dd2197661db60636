package org.kpledger.anchoring.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The heads the publisher has signed; used under the publisher's lock only. */
final class SignedHeads {

  private static final Logger LOG = LoggerFactory.getLogger(SignedHeads.class);
  private static final int REMEMBERED = 10_000;

  private final String origin;
  private final TreeHeadSigner signer;
  private final Clock clock;
  private final Deque<TreeHead> notEverywhere = new ArrayDeque<>();
  private volatile SignedTreeHead latest;
  private String error;

  SignedHeads(String origin, TreeHeadSigner signer, Clock clock) {
    this.origin = origin;
    this.signer = signer;
    this.clock = clock;
  }

  SignedTreeHead latest() {
    return latest;
  }

  Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Forgets the last head signed, so that it is adopted again from the sinks: another node may have
   * signed newer ones.
   */
  void forget() {
    latest = null;
    notEverywhere.clear();
  }

  /** After a restart, takes the newest anchored head as the last one signed. */
  void adoptIfNewer(SignedTreeHead anchored) {
    if (latest == null || anchored.size() > latest.size()) {
      latest = anchored;
    }
  }

  /**
   * Signs a head over the log's size if it grew, after checking the new root is consistent with the
   * last head: a log must never sign two inconsistent checkpoints (C2SP tlog-checkpoint).
   */
  void signIfGrown(MerkleLog log) {
    long size = log.size();
    SignedTreeHead previous = latest;
    if (size == 0 || previous != null && size == previous.size()) {
      return;
    }
    byte[] root = log.root();
    try {
      if (previous != null) {
        if (size < previous.size()) {
          throw new IllegalStateException(
              "the log has "
                  + size
                  + " leaves but a head of "
                  + previous.size()
                  + " was signed: leaves were lost");
        }
        ProofVerifier.verifyConsistency(
            previous.size(),
            size,
            previous.head().rootHash(),
            root,
            log.consistencyProof(previous.size(), size));
      }
    } catch (ProofException | IllegalStateException e) {
      error = "refusing to sign size " + size + ": " + e.getMessage();
      LOG.error(error);
      return;
    }
    Instant now = clock.instant();
    if (previous != null && now.isBefore(previous.head().timestamp())) {
      now = previous.head().timestamp();
    }
    latest = Checkpoint.sign(new TreeHead(origin, size, root, now), signer);
    error = null;
    notEverywhere.addLast(latest.head());
    if (notEverywhere.size() > REMEMBERED) {
      notEverywhere.removeFirst();
    }
  }

  /** Forgets heads every sink has caught up with, and returns the rest. */
  List<TreeHead> waiting(long anchoredEverywhere) {
    notEverywhere.removeIf(h -> h.size() <= anchoredEverywhere);
    return List.copyOf(notEverywhere);
  }
}
