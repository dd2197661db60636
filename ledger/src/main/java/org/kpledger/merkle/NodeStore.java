package org.kpledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Storage for a {@link MerkleLog}: the hash of every complete perfect subtree, keyed by {@link
 * NodeId}, plus the number of leaves the stored nodes describe.
 *
 * <p>A store of size {@code n} holds exactly the nodes {@code (level, index)} with {@code (index +
 * 1) * 2^level <= n}; at level {@code l} these are indices {@code 0 .. (n >> l) - 1}. Stored hashes
 * never change. Implementations must be safe for concurrent use; a persistent one keeps {@link
 * #putAll} atomic (one transaction) so the size never runs ahead of the nodes.
 */
public interface NodeStore {

  /**
   * Returns the number of leaves the stored nodes describe.
   *
   * @return the committed size, at least 0
   */
  long size();

  /**
   * Returns the hash of one stored node.
   *
   * @param id the node
   * @return its 32-byte hash; the caller may modify the array
   * @throws NoSuchElementException if the node is not complete at the current size
   */
  byte[] get(NodeId id);

  /**
   * Returns the hashes of several stored nodes, in the order asked. A persistent store should
   * override this to fetch them in one round trip; proofs ask for all their nodes in a single call.
   *
   * @param ids the nodes
   * @return their hashes, one per id
   * @throws NoSuchElementException if any node is not complete at the current size
   */
  default List<byte[]> getAll(List<NodeId> ids) {
    List<byte[]> hashes = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      hashes.add(get(id));
    }
    return hashes;
  }

  /**
   * Atomically grows the store from {@code expectedSize} to {@code newSize} leaves, adding the
   * nodes that become complete on the way: at each level {@code l}, indices {@code (expectedSize >>
   * l) .. (newSize >> l) - 1}, no more and no fewer.
   *
   * @param expectedSize the size the caller believes the store has (compare-and-set guard)
   * @param newSize the size after the call, greater than {@code expectedSize}
   * @param nodes the new nodes and their 32-byte hashes; the store may keep the arrays
   * @throws IllegalStateException if the store's size is not {@code expectedSize}
   * @throws IllegalArgumentException if the sizes are out of order or {@code nodes} is not exactly
   *     the set of newly complete nodes
   */
  void putAll(long expectedSize, long newSize, Map<NodeId, byte[]> nodes);

  /**
   * Checks the arguments of {@link #putAll} that do not depend on the store's state: the sizes
   * grow, and {@code nodes} holds exactly the nodes that become complete, each with a 32-byte hash.
   * Every implementation calls this, so they all refuse the same inputs with the same messages.
   *
   * @param expectedSize the size before growing
   * @param newSize the size after growing
   * @param nodes the nodes offered
   * @throws IllegalArgumentException if the sizes are out of order or the nodes are not exactly
   *     right
   */
  static void requireExactGrowth(long expectedSize, long newSize, Map<NodeId, byte[]> nodes) {
    if (newSize <= expectedSize) {
      throw new IllegalArgumentException("new size " + newSize + " is not above " + expectedSize);
    }
    long wanted = 0;
    for (int level = 0; level <= NodeId.MAX_LEVEL; level++) {
      wanted += (newSize >> level) - (expectedSize >> level);
    }
    if (nodes.size() != wanted) {
      throw new IllegalArgumentException(
          "growing "
              + expectedSize
              + " -> "
              + newSize
              + " completes "
              + wanted
              + " nodes, got "
              + nodes.size());
    }
    for (Map.Entry<NodeId, byte[]> node : nodes.entrySet()) {
      NodeId id = node.getKey();
      if (id.index() < expectedSize >> id.level() || id.index() >= newSize >> id.level()) {
        throw new IllegalArgumentException(
            id + " does not become complete when growing " + expectedSize + " -> " + newSize);
      }
      byte[] hash = node.getValue();
      if (hash == null || hash.length != MerkleHash.SIZE) {
        throw new IllegalArgumentException(id + " has no " + MerkleHash.SIZE + "-byte hash");
      }
    }
  }
}
