package org.kpledger.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kpledger.anchoring.checkpoint.CheckpointException;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle.Consistency;
import org.kpledger.audit.AuditBundle.Head;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;

/**
 * Checks the signed heads: each checkpoint's signature by the pinned key (C2SP signed note, type
 * 0x05), one root per size, each head consistent with the next (RFC 9162 §2.1.4.2), and the newest
 * an extension of the auditor's previous checkpoint.
 */
final class HeadChecks {

  private final CheckpointVerifier verifier;
  private final Findings findings;
  private final Map<String, List<byte[]>> proofs = new HashMap<>();

  HeadChecks(CheckpointVerifier verifier, List<Consistency> consistency, Findings findings) {
    this.verifier = verifier;
    this.findings = findings;
    consistency.forEach(c -> proofs.put(c.fromSize() + ">" + c.toSize(), c.proof()));
  }

  /** Verifies every head; returns those whose signature holds, by size, one per size. */
  TreeMap<Long, SignedTreeHead> verify(List<Head> heads) {
    TreeMap<Long, SignedTreeHead> bySize = new TreeMap<>();
    for (Head h : heads) {
      String subject = "checkpoint:" + h.treeSize();
      SignedTreeHead signed;
      try {
        signed = verifier.verify(h.checkpoint());
      } catch (CheckpointException | RuntimeException e) {
        findings.add(Rule.CHECKPOINT_SIGNATURE_INVALID, subject, e.getMessage());
        continue;
      }
      if (signed.size() != h.treeSize()) {
        findings.add(Rule.BUNDLE_MALFORMED, subject, "the checkpoint states size " + signed.size());
        continue;
      }
      SignedTreeHead same = bySize.putIfAbsent(signed.size(), signed);
      if (same != null && !MerkleHash.equal(same.head().rootHash(), signed.head().rootHash())) {
        findings.add(
            Rule.HEADS_INCONSISTENT,
            subject,
            "two validly signed roots for one size: "
                + MerkleHash.hex(same.head().rootHash())
                + " and "
                + MerkleHash.hex(signed.head().rootHash()));
      }
    }
    SignedTreeHead previous = null;
    for (SignedTreeHead head : bySize.values()) {
      if (previous != null) {
        consistent(previous, head, "checkpoint:" + head.size(), Rule.HEADS_INCONSISTENT);
        if (head.head().timestamp().isBefore(previous.head().timestamp())) {
          findings.add(
              Rule.HEADS_INCONSISTENT,
              "checkpoint:" + head.size(),
              "signed at "
                  + head.head().timestamp()
                  + ", before the smaller head "
                  + previous.size()
                  + " ("
                  + previous.head().timestamp()
                  + ")");
        }
      }
      previous = head;
    }
    return bySize;
  }

  /** Checks that {@code newest} extends the auditor's last checkpoint. */
  void requireExtends(String previousNote, long newestSize, Optional<SignedTreeHead> newest) {
    SignedTreeHead seen;
    try {
      seen = verifier.verify(previousNote);
    } catch (CheckpointException | RuntimeException e) {
      findings.add(
          Rule.CHECKPOINT_SIGNATURE_INVALID,
          "previous-checkpoint",
          "the checkpoint you kept does not verify with the pinned key: " + e.getMessage());
      return;
    }
    String subject = "previous-checkpoint:" + seen.size();
    if (newestSize < seen.size()) {
      findings.add(
          Rule.LOG_ROLLED_BACK,
          subject,
          "the bundle's newest head has "
              + newestSize
              + " leaves; you already saw a signed head of "
              + seen.size());
      return;
    }
    if (newest.isEmpty()) {
      return;
    }
    SignedTreeHead head = newest.get();
    if (head.size() == seen.size()) {
      if (!MerkleHash.equal(head.head().rootHash(), seen.head().rootHash())) {
        findings.add(Rule.LOG_ROLLED_BACK, subject, "same size, another root: a fork");
      }
      return;
    }
    consistent(seen, head, subject, Rule.LOG_ROLLED_BACK);
  }

  /** Checks one consistency proof from the bundle between two trusted heads. */
  boolean consistent(SignedTreeHead older, SignedTreeHead newer, String subject, Rule rule) {
    return consistent(older.size(), older.head().rootHash(), newer, subject, rule);
  }

  /** Checks the bundle's proof from {@code (size, root)} to a trusted head. */
  boolean consistent(long size, byte[] root, SignedTreeHead newer, String subject, Rule rule) {
    List<byte[]> proof = proofs.get(size + ">" + newer.size());
    if (proof == null) {
      findings.add(
          Rule.CONSISTENCY_PROOF_MISSING,
          subject,
          "no consistency proof from " + size + " to " + newer.size() + " in the bundle");
      return false;
    }
    try {
      ProofVerifier.verifyConsistency(
          size, newer.size(), root, newer.head().rootHash(), new ArrayList<>(proof));
      return true;
    } catch (ProofException | RuntimeException e) {
      findings.add(
          rule,
          subject,
          "size "
              + size
              + " is not a prefix of the signed size "
              + newer.size()
              + ": "
              + e.getMessage());
      return false;
    }
  }
}
