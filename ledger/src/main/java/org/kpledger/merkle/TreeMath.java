package org.kpledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Index arithmetic shared by the verifier and the log: proof sizes and which stored nodes a root or
 * proof is made of. Pure functions of the sizes, no hashing.
 *
 * <p>A proof is planned as a list of elements; each element is the right fold (see {@link
 * #foldRight}) of one or more complete subtrees. A single subtree is a stored node; several form
 * the root of an incomplete subtree on the right edge of the tree, which is never stored.
 */
final class TreeMath {

  private TreeMath() {}

  /** Number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size}. */
  static int inclusionProofSize(long index, long size) {
    int inner = innerProofSize(index, size);
    return inner + Long.bitCount(index >>> inner);
  }

  /**
   * Number of hashes in the consistency proof from {@code size1} to {@code size2}, 0 < size1 <
   * size2.
   */
  static int consistencyProofSize(long size1, long size2) {
    int shift = Long.numberOfTrailingZeros(size1);
    int inner = innerProofSize(size1 - 1, size2);
    int border = Long.bitCount((size1 - 1) >>> inner);
    int seed = Long.bitCount(size1) == 1 ? 0 : 1;
    return seed + inner - shift + border;
  }

  /** Levels below the point where the paths to leaves {@code index} and {@code size - 1} meet. */
  private static int innerProofSize(long index, long size) {
    return Long.SIZE - Long.numberOfLeadingZeros(index ^ (size - 1));
  }

  /**
   * Splits leaves {@code [start, end)} into maximal complete subtrees, largest first; their right
   * fold is the RFC 9162 MTH of that range. Requires {@code start} to be a multiple of a power of
   * two greater than {@code end - start} (true for 0 and for any right-edge subtree).
   */
  static List<NodeId> perfectSubtrees(long start, long end) {
    List<NodeId> parts = new ArrayList<>(Long.bitCount(end - start));
    long position = start;
    long remaining = end - start;
    for (int level = NodeId.MAX_LEVEL; level >= 0; level--) {
      if ((remaining >>> level & 1) == 1) {
        parts.add(new NodeId(level, position >>> level));
        position += 1L << level;
      }
    }
    return parts;
  }

  /**
   * Plans the audit path (RFC 9162 §2.1.3.1 PATH) of the complete subtree {@code (level, index)}
   * within a tree of {@code size} leaves: its siblings from the bottom up, skipping levels where
   * the node has no sibling because it is the last one of a short right edge.
   */
  static List<List<NodeId>> pathPlan(int level, long index, long size) {
    List<List<NodeId>> plan = new ArrayList<>();
    long node = index;
    for (int l = level; (size - 1) >>> l > 0; l++, node >>>= 1) {
      long sibling = node ^ 1;
      if (sibling > (size - 1) >>> l) {
        continue;
      }
      long siblingStart = sibling << l;
      if (size - siblingStart >= 1L << l) {
        plan.add(List.of(new NodeId(l, sibling)));
      } else {
        plan.add(perfectSubtrees(siblingStart, size));
      }
    }
    return plan;
  }

  /**
   * Plans the consistency proof (RFC 9162 §2.1.4.1 PROOF) from {@code size1} to {@code size2}, 0 <
   * size1 < size2: the largest complete subtree ending at {@code size1} (left out when it is the
   * whole old tree, which the verifier already has as its root), then that subtree's audit path.
   */
  static List<List<NodeId>> consistencyPlan(long size1, long size2) {
    int level = Long.numberOfTrailingZeros(size1);
    long index = (size1 - 1) >>> level;
    List<List<NodeId>> plan = new ArrayList<>();
    if (index != 0) {
      plan.add(List.of(new NodeId(level, index)));
    }
    plan.addAll(pathPlan(level, index, size2));
    return plan;
  }

  /** Hashes {@code parts} right to left: {@code node(p0, node(p1, ... node(pk-1, pk)))}. */
  static byte[] foldRight(List<byte[]> parts) {
    byte[] hash = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      hash = MerkleHash.nodeHash(parts.get(i), hash);
    }
    return hash;
  }
}
