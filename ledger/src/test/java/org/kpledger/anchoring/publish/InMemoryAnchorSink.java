package org.kpledger.anchoring.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorUnavailableException;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;

/** A sink in memory that can be switched off, for publisher tests; it keeps the sink contract. */
final class InMemoryAnchorSink implements AnchorSink {

  final List<AnchoredHead> kept = new ArrayList<>();
  volatile boolean down;
  volatile boolean refusing;
  volatile boolean losingAnswers;
  int anchorCalls;
  int calls;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public synchronized Optional<AnchoredHead> lastAnchored() {
    calls++;
    requireUp();
    return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
  }

  @Override
  public synchronized AnchorReceipt anchor(SignedTreeHead head, List<byte[]> proof)
      throws AnchorRejectedException {
    calls++;
    requireUp();
    anchorCalls++;
    if (refusing) {
      throw new AnchorRejectedException("refused on purpose");
    }
    Optional<AnchoredHead> last = lastAnchored();
    TreeHead next = head.head();
    if (next.size() == 0) {
      throw new AnchorRejectedException("empty tree");
    }
    if (last.isPresent()) {
      TreeHead previous = last.get().head().head();
      if (previous.size() == next.size()
          && previous.origin().equals(next.origin())
          && MerkleHash.equal(previous.rootHash(), next.rootHash())) {
        return last.get().receipt();
      }
      if (!previous.origin().equals(next.origin()) || next.size() <= previous.size()) {
        throw new AnchorRejectedException("not an extension of the last head");
      }
      try {
        ProofVerifier.verifyConsistency(
            previous.size(), next.size(), previous.rootHash(), next.rootHash(), proof);
      } catch (ProofException e) {
        throw new AnchorRejectedException(e.getMessage(), e);
      }
    } else if (!proof.isEmpty()) {
      throw new AnchorRejectedException("the first head takes no proof");
    }
    AnchorReceipt receipt = new AnchorReceipt(name(), "#" + kept.size(), Instant.now());
    kept.add(new AnchoredHead(head, receipt));
    if (losingAnswers) {
      throw new AnchorUnavailableException(
          "kept, but the answer was lost", new IllegalStateException());
    }
    return receipt;
  }

  private void requireUp() {
    if (down) {
      throw new AnchorUnavailableException("switched off", new IllegalStateException());
    }
  }
}
