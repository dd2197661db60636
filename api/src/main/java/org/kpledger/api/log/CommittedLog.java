package org.kpledger.api.log;

import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;

/** The Merkle log as committed: what proofs and signed heads are computed from. */
record CommittedLog(NodeStore nodes) {
  /** A log over the committed nodes, read afresh. */
  MerkleLog log() {
    return new MerkleLog(nodes);
  }
}
