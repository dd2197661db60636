package org.kpledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link NodeStore} in the heap: per level, the hashes packed into fixed-size chunks (about 64
 * bytes per leaf in all). Reads run concurrently; writes take an exclusive lock. Every hash is
 * copied in and out, so callers cannot alter stored data.
 */
public final class InMemoryNodeStore implements NodeStore {

  private static final int CHUNK_SHIFT = 10;
  private static final int CHUNK_HASHES = 1 << CHUNK_SHIFT;

  private final List<List<byte[]>> levels = new ArrayList<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long size;

  /** Creates an empty store. */
  public InMemoryNodeStore() {
    for (int level = 0; level <= NodeId.MAX_LEVEL; level++) {
      levels.add(new ArrayList<>());
    }
  }

  /** {@inheritDoc} */
  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** {@inheritDoc} */
  @Override
  public byte[] get(NodeId id) {
    lock.readLock().lock();
    try {
      return read(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** {@inheritDoc} Takes the read lock once for the whole batch. */
  @Override
  public List<byte[]> getAll(List<NodeId> ids) {
    List<byte[]> hashes = new ArrayList<>(ids.size());
    lock.readLock().lock();
    try {
      for (NodeId id : ids) {
        hashes.add(read(id));
      }
    } finally {
      lock.readLock().unlock();
    }
    return hashes;
  }

  /** {@inheritDoc} */
  @Override
  public void putAll(long expectedSize, long newSize, Map<NodeId, byte[]> nodes) {
    lock.writeLock().lock();
    try {
      if (size != expectedSize) {
        throw new IllegalStateException(
            "store has size " + size + ", caller expected " + expectedSize);
      }
      NodeStore.requireExactGrowth(expectedSize, newSize, nodes);
      for (int level = 0; level <= NodeId.MAX_LEVEL; level++) {
        for (long index = expectedSize >> level; index < newSize >> level; index++) {
          write(level, index, nodes.get(new NodeId(level, index)));
        }
      }
      size = newSize;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private byte[] read(NodeId id) {
    if (id.index() >= size >> id.level()) {
      throw new NoSuchElementException(id + " is not complete at size " + size);
    }
    byte[] chunk = levels.get(id.level()).get((int) (id.index() >>> CHUNK_SHIFT));
    int offset = (int) (id.index() & (CHUNK_HASHES - 1)) * MerkleHash.SIZE;
    byte[] hash = new byte[MerkleHash.SIZE];
    System.arraycopy(chunk, offset, hash, 0, MerkleHash.SIZE);
    return hash;
  }

  private void write(int level, long index, byte[] hash) {
    List<byte[]> chunks = levels.get(level);
    int chunkIndex = (int) (index >>> CHUNK_SHIFT);
    if (chunkIndex == chunks.size()) {
      chunks.add(new byte[CHUNK_HASHES * MerkleHash.SIZE]);
    }
    int offset = (int) (index & (CHUNK_HASHES - 1)) * MerkleHash.SIZE;
    System.arraycopy(hash, 0, chunks.get(chunkIndex), offset, MerkleHash.SIZE);
  }
}
