package org.kpledger.audit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle.Inclusion;
import org.kpledger.audit.AuditBundle.Leaf;
import org.kpledger.audit.AuditBundle.LeafRange;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;

/**
 * Checks the listed leaves against the signed heads: no event and no leaf twice, and every leaf in
 * the signed tree, either by rebuilding the roots of a contiguous range from its left edge (RFC
 * 9162 §2.1.1) or by one inclusion proof per leaf (§2.1.3.2). Failed proofs that fit each other's
 * positions are reported as a reordering.
 */
final class LeafChecks {

  private static final int MAX_PAIRED = 200;

  private final List<Leaf> leaves;
  private final Findings findings;
  private final HeadChecks heads;

  LeafChecks(List<Leaf> leaves, Findings findings, HeadChecks heads) {
    this.leaves = leaves;
    this.findings = findings;
    this.heads = heads;
  }

  /** Each event and each leaf hash once among the leaves, each leaf index once. */
  void exactlyOnce() {
    Map<String, Long> byEvent = new HashMap<>(leaves.size() * 2);
    Map<ByteBuffer, Long> byHash = new HashMap<>(leaves.size() * 2);
    boolean ascending = true;
    long previous = -1;
    for (Leaf l : leaves) {
      ascending &= l.leafIndex() > previous;
      previous = l.leafIndex();
      Long first = byEvent.putIfAbsent(l.eventId(), l.leafIndex());
      if (first != null) {
        findings.add(
            Rule.EVENT_IN_LOG_TWICE,
            Findings.event(l.eventId()),
            "leaves " + first + " and " + l.leafIndex());
      }
      Long same = byHash.putIfAbsent(ByteBuffer.wrap(l.leafHash()), l.leafIndex());
      if (same != null && first == null) {
        findings.add(
            Rule.EVENT_IN_LOG_TWICE,
            "leaf:" + l.leafIndex(),
            "the same leaf bytes as leaf " + same + " under another event id");
      }
    }
    if (!ascending) {
      Set<Long> indexes = new HashSet<>();
      leaves.stream()
          .filter(l -> !indexes.add(l.leafIndex()))
          .forEach(
              l -> findings.add(Rule.BUNDLE_MALFORMED, "leaf:" + l.leafIndex(), "listed twice"));
    }
  }

  /**
   * Rebuilds the roots of a contiguous range; returns false if the range does not hold together
   * (the caller then checks inclusion proofs, to name the leaves at fault).
   */
  boolean range(LeafRange range, TreeMap<Long, SignedTreeHead> signed, SignedTreeHead newest) {
    String subject = "leaves:" + range.from() + ".." + (range.to() - 1);
    if (!contiguous(range)) {
      findings.add(Rule.BUNDLE_MALFORMED, subject, "the leaves listed are not exactly this range");
      return false;
    }
    CompactRange tree;
    try {
      tree = new CompactRange(range.from(), range.prefix());
    } catch (IllegalArgumentException e) {
      findings.add(Rule.BUNDLE_MALFORMED, subject, "left edge: " + e.getMessage());
      return false;
    }
    boolean ok = true;
    for (Leaf l : leaves) {
      tree.append(l.leafHash());
      SignedTreeHead head = signed.get(tree.size());
      if (head != null && !MerkleHash.equal(tree.root(), head.head().rootHash())) {
        findings.add(
            Rule.LEAF_RANGE_ROOT_MISMATCH,
            subject,
            "the leaves up to "
                + tree.size()
                + " give root "
                + MerkleHash.hex(tree.root())
                + ", the signed head has "
                + MerkleHash.hex(head.head().rootHash()));
        ok = false;
      }
    }
    if (newest != null
        && range.to() > 0
        && range.to() < newest.size()
        && !signed.containsKey(range.to())) {
      ok &=
          heads.consistent(range.to(), tree.root(), newest, subject, Rule.LEAF_RANGE_ROOT_MISMATCH);
    } else if (newest != null && range.to() > newest.size()) {
      findings.add(Rule.BUNDLE_MALFORMED, subject, "beyond the newest head " + newest.size());
      ok = false;
    }
    return ok;
  }

  /** Verifies one inclusion proof per leaf against the newest head, in parallel. */
  void inclusion(List<Inclusion> proofs, SignedTreeHead newest, ExecutorService pool)
      throws Exception {
    Map<Long, Inclusion> byIndex = new HashMap<>(proofs.size() * 2);
    proofs.forEach(p -> byIndex.put(p.leafIndex(), p));
    int chunk = Math.max(256, leaves.size() / 64);
    List<Future<List<Leaf>>> parts = new ArrayList<>();
    for (int from = 0; from < leaves.size(); from += chunk) {
      List<Leaf> slice = leaves.subList(from, Math.min(leaves.size(), from + chunk));
      parts.add(pool.submit(() -> failing(slice, byIndex, newest)));
    }
    List<Leaf> failed = new ArrayList<>();
    for (Future<List<Leaf>> part : parts) {
      failed.addAll(part.get());
    }
    for (Leaf l : failed) {
      Long elsewhere = failed.size() <= MAX_PAIRED ? fits(l, failed, byIndex, newest) : null;
      if (elsewhere != null) {
        findings.add(
            Rule.LEAF_ORDER_MISMATCH,
            Findings.event(l.eventId()),
            "listed as leaf " + l.leafIndex() + ", but the signed tree has it at " + elsewhere);
      } else {
        findings.add(
            Rule.INCLUSION_PROOF_INVALID,
            Findings.event(l.eventId()),
            byIndex.containsKey(l.leafIndex())
                ? "leaf " + l.leafIndex() + " is not in the signed tree of " + newest.size()
                : "no inclusion proof for leaf " + l.leafIndex());
      }
    }
  }

  private List<Leaf> failing(List<Leaf> slice, Map<Long, Inclusion> proofs, SignedTreeHead head) {
    List<Leaf> failed = new ArrayList<>();
    for (Leaf l : slice) {
      Inclusion p = proofs.get(l.leafIndex());
      if (p == null || !proves(l.leafHash(), l.leafIndex(), p, head)) {
        failed.add(l);
      }
    }
    return failed;
  }

  private static Long fits(
      Leaf leaf, List<Leaf> failed, Map<Long, Inclusion> proofs, SignedTreeHead head) {
    for (Leaf other : failed) {
      Inclusion p = proofs.get(other.leafIndex());
      if (other != leaf && p != null && proves(leaf.leafHash(), other.leafIndex(), p, head)) {
        return other.leafIndex();
      }
    }
    return null;
  }

  private static boolean proves(byte[] hash, long index, Inclusion p, SignedTreeHead head) {
    try {
      ProofVerifier.verifyInclusion(
          index, head.size(), hash, new ArrayList<>(p.proof()), head.head().rootHash());
      return p.treeSize() == head.size();
    } catch (ProofException | RuntimeException e) {
      return false;
    }
  }

  private boolean contiguous(LeafRange range) {
    if (leaves.size() != range.to() - range.from()) {
      return false;
    }
    for (int i = 0; i < leaves.size(); i++) {
      if (leaves.get(i).leafIndex() != range.from() + i) {
        return false;
      }
    }
    return true;
  }
}
