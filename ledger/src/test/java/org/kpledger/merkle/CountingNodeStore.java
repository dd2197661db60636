package org.kpledger.merkle;

import java.util.List;
import java.util.Map;

/** Wraps a store and counts node reads and read round trips. */
final class CountingNodeStore implements NodeStore {

  private final NodeStore delegate;
  long nodesRead;
  long roundTrips;

  CountingNodeStore(NodeStore delegate) {
    this.delegate = delegate;
  }

  void reset() {
    nodesRead = 0;
    roundTrips = 0;
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public byte[] get(NodeId id) {
    nodesRead++;
    roundTrips++;
    return delegate.get(id);
  }

  @Override
  public List<byte[]> getAll(List<NodeId> ids) {
    nodesRead += ids.size();
    roundTrips++;
    return delegate.getAll(ids);
  }

  @Override
  public void putAll(long expectedSize, long newSize, Map<NodeId, byte[]> nodes) {
    delegate.putAll(expectedSize, newSize, nodes);
  }
}
