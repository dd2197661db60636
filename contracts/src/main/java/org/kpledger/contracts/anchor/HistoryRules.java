package org.kpledger.contracts.anchor;

import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;

/**
 * The rule that makes anchored history append-only: a new head extends the latest anchored head, as
 * an RFC 9162 §2.1.4.2 consistency proof shows, checked with the ledger's own verifier.
 */
final class HistoryRules {

  private HistoryRules() {}

  /** Refuses a head that does not extend {@code previous} by a verified consistency proof. */
  static void requireExtends(TreeHead previous, AnchorRequest request) {
    TreeHead head = request.head();
    if (head.size() < previous.size()) {
      throw AnchorRefusal.SMALLER_SIZE.refuse(
          "size " + head.size() + " is below the anchored size " + previous.size());
    }
    if (head.size() == previous.size()) {
      throw AnchorRefusal.FORK.refuse(
          "size " + head.size() + " is anchored with root " + previous.rootHash());
    }
    if (request.fromSize() != previous.size()) {
      throw AnchorRefusal.STALE_BASE.refuse(
          "the proof starts at size "
              + request.fromSize()
              + ", the latest anchored size is "
              + previous.size());
    }
    try {
      ProofVerifier.verifyConsistency(
          previous.size(), head.size(), previous.root(), head.root(), request.proof());
    } catch (ProofException e) {
      throw AnchorRefusal.INCONSISTENT_PROOF.refuse(e.reason() + ": " + e.getMessage());
    }
  }

  static boolean sameHead(TreeHead anchored, TreeHead head) {
    return anchored.size() == head.size() && MerkleHash.equal(anchored.root(), head.root());
  }
}
