package org.kpledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An append-only RFC 9162 Merkle log over a {@link NodeStore}. Each appended leaf hash stores the
 * leaf and every subtree it completes, so a root or proof for any size {@code n <= size()} is built
 * from at most {@code 2 * ceil(log2 n)} stored nodes, fetched in one {@link NodeStore#getAll} call.
 *
 * <p>One instance should be the only writer of its store; appends are serialised and guarded by the
 * store's compare-and-set on the size. Reads may run concurrently with appends.
 */
public final class MerkleLog {

  private final NodeStore store;
  private final Object appendLock = new Object();
  private volatile Head head;

  /** The committed size and the roots of the complete subtrees that make it up, largest first. */
  private record Head(long size, List<byte[]> frontier) {}

  /**
   * Opens a log over a store, which may already hold leaves.
   *
   * @param store the node storage
   */
  public MerkleLog(NodeStore store) {
    this.store = Objects.requireNonNull(store, "store");
    long size = store.size();
    this.head = new Head(size, List.copyOf(store.getAll(TreeMath.perfectSubtrees(0, size))));
  }

  /**
   * Returns the number of leaves appended so far.
   *
   * @return the current tree size
   */
  public long size() {
    return head.size();
  }

  /**
   * Appends one leaf.
   *
   * @param leafHash the 32-byte leaf hash, {@code SHA-256(0x00 || entry)}; copied
   * @return the index of the new leaf
   * @throws IllegalStateException if another writer changed the store
   */
  public long append(byte[] leafHash) {
    return appendAll(List.of(leafHash));
  }

  /**
   * Appends several leaves in order, storing all new nodes in one {@link NodeStore#putAll} call.
   * Either all leaves are appended or none.
   *
   * @param leafHashes the 32-byte leaf hashes; copied
   * @return the index of the first new leaf (the old size)
   * @throws IllegalArgumentException if the list is empty or a hash is not 32 bytes
   * @throws IllegalStateException if another writer changed the store
   */
  public long appendAll(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    synchronized (appendLock) {
      long start = head.size();
      long next = start;
      List<byte[]> edge = new ArrayList<>(head.frontier());
      Map<NodeId, byte[]> nodes = new HashMap<>(4 * leafHashes.size());
      for (byte[] leafHash : leafHashes) {
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
          throw new IllegalArgumentException(
              "leaf hash for index " + next + " is not " + MerkleHash.SIZE + " bytes");
        }
        byte[] hash = leafHash.clone();
        nodes.put(new NodeId(0, next), hash);
        int level = 0;
        for (long index = next; (index & 1) == 1; index >>>= 1) {
          hash = MerkleHash.nodeHash(edge.remove(edge.size() - 1), hash);
          nodes.put(new NodeId(++level, index >>> 1), hash);
        }
        edge.add(hash);
        next++;
      }
      store.putAll(start, next, nodes);
      head = new Head(next, List.copyOf(edge));
      return start;
    }
  }

  /**
   * Returns the stored hash of one leaf.
   *
   * @param index the leaf's position, below {@link #size()}
   * @return its 32-byte leaf hash
   */
  public byte[] leafHash(long index) {
    checkIndex(index, head.size());
    return store.get(new NodeId(0, index));
  }

  /**
   * Returns the root of the tree at the current size, without reading the store.
   *
   * @return the 32-byte root; {@code SHA-256("")} for the empty log
   */
  public byte[] root() {
    List<byte[]> edge = head.frontier();
    return edge.isEmpty() ? MerkleHash.emptyRoot() : TreeMath.foldRight(edge).clone();
  }

  /**
   * Returns the root of the tree made of the first {@code treeSize} leaves (RFC 9162 §2.1.1 MTH).
   *
   * @param treeSize a size from 0 to {@link #size()}
   * @return the 32-byte root
   */
  public byte[] root(long treeSize) {
    checkSize(treeSize);
    if (treeSize == 0) {
      return MerkleHash.emptyRoot();
    }
    return TreeMath.foldRight(store.getAll(TreeMath.perfectSubtrees(0, treeSize)));
  }

  /**
   * Returns the inclusion proof (RFC 9162 §2.1.3.1) of leaf {@code index} in the tree of {@code
   * treeSize} leaves, ordered bottom up as {@link ProofVerifier#verifyInclusion} expects.
   *
   * @param index the leaf's position, below {@code treeSize}
   * @param treeSize a size up to {@link #size()}
   * @return the audit path; the caller owns the list and arrays
   */
  public List<byte[]> inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    checkIndex(index, treeSize);
    return fetch(TreeMath.pathPlan(0, index, treeSize));
  }

  /**
   * Returns the consistency proof (RFC 9162 §2.1.4.1) from the tree of {@code size1} leaves to the
   * tree of {@code size2} leaves; empty when the sizes are equal.
   *
   * @param size1 the older size, at least 1
   * @param size2 the newer size, from {@code size1} to {@link #size()}
   * @return the proof; the caller owns the list and arrays
   */
  public List<byte[]> consistencyProof(long size1, long size2) {
    checkSize(size2);
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException(
          "need 0 < size1 <= size2, got size1 " + size1 + ", size2 " + size2);
    }
    return size1 == size2 ? new ArrayList<>() : fetch(TreeMath.consistencyPlan(size1, size2));
  }

  private List<byte[]> fetch(List<List<NodeId>> plan) {
    List<NodeId> ids = new ArrayList<>();
    plan.forEach(ids::addAll);
    List<byte[]> hashes = store.getAll(ids);
    List<byte[]> proof = new ArrayList<>(plan.size());
    int next = 0;
    for (List<NodeId> element : plan) {
      proof.add(TreeMath.foldRight(hashes.subList(next, next + element.size())));
      next += element.size();
    }
    return proof;
  }

  private void checkSize(long treeSize) {
    long current = head.size();
    if (treeSize < 0 || treeSize > current) {
      throw new IllegalArgumentException("tree size " + treeSize + " is outside 0.." + current);
    }
  }

  private static void checkIndex(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is outside 0.." + (treeSize - 1));
    }
  }
}
