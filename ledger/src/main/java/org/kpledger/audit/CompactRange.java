package org.kpledger.audit;

import java.util.ArrayList;
import java.util.List;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.NodeId;

/**
 * The right edge of an RFC 9162 Merkle tree: the roots of the maximal complete subtrees covering
 * leaves {@code [0, size)}, largest first. From the edge at size {@code a} and the leaves {@code
 * [a, b)} it rebuilds the root (RFC 9162 §2.1.1 MTH) of every size from {@code a} to {@code b},
 * hashing each leaf once. Not thread-safe.
 */
public final class CompactRange {

  private long size;
  private final List<byte[]> edge;

  /**
   * Starts from an edge.
   *
   * @param size the number of leaves the edge covers
   * @param edge the subtree roots for {@link #edgeNodes(long) edgeNodes(size)}, largest first
   * @throws IllegalArgumentException if the edge has the wrong number of 32-byte hashes
   */
  public CompactRange(long size, List<byte[]> edge) {
    if (size < 0 || edge.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "an edge of size "
              + size
              + " has "
              + Long.bitCount(size)
              + " hashes, got "
              + edge.size());
    }
    for (byte[] hash : edge) {
      if (hash == null || hash.length != MerkleHash.SIZE) {
        throw new IllegalArgumentException("edge hashes are " + MerkleHash.SIZE + " bytes");
      }
    }
    this.size = size;
    this.edge = new ArrayList<>(edge);
  }

  /**
   * Names the stored nodes that make up the edge at a size: one complete subtree per set bit of
   * {@code size}, largest first (read them with {@code NodeStore.getAll}).
   *
   * @param size a tree size
   * @return the nodes, at most 63
   */
  public static List<NodeId> edgeNodes(long size) {
    List<NodeId> nodes = new ArrayList<>();
    long position = 0;
    for (int level = NodeId.MAX_LEVEL; level >= 0; level--) {
      if ((size >>> level & 1) == 1) {
        nodes.add(new NodeId(level, position >>> level));
        position += 1L << level;
      }
    }
    return nodes;
  }

  /**
   * Appends one leaf.
   *
   * @param leafHash its 32-byte leaf hash
   */
  public void append(byte[] leafHash) {
    byte[] hash = leafHash;
    for (long index = size; (index & 1) == 1; index >>>= 1) {
      hash = MerkleHash.nodeHash(edge.remove(edge.size() - 1), hash);
    }
    edge.add(hash);
    size++;
  }

  /**
   * Returns the number of leaves covered.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Returns the root of the tree of {@link #size()} leaves.
   *
   * @return the 32-byte root; {@code SHA-256("")} for size 0
   */
  public byte[] root() {
    if (edge.isEmpty()) {
      return MerkleHash.emptyRoot();
    }
    byte[] hash = edge.get(edge.size() - 1);
    for (int i = edge.size() - 2; i >= 0; i--) {
      hash = MerkleHash.nodeHash(edge.get(i), hash);
    }
    return hash;
  }
}
