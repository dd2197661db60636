package org.kpledger.anchoring.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.kpledger.merkle.NodeId;
import org.kpledger.merkle.NodeStore;

/** Counts growths of a real store and fails the ones asked for, before touching it. */
final class FlakyNodeStore implements NodeStore {

  private final NodeStore delegate;
  private final AtomicInteger growths;
  private final AtomicInteger failuresToInject;

  FlakyNodeStore(NodeStore delegate, AtomicInteger growths, AtomicInteger failuresToInject) {
    this.delegate = delegate;
    this.growths = growths;
    this.failuresToInject = failuresToInject;
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public byte[] get(NodeId id) {
    return delegate.get(id);
  }

  @Override
  public List<byte[]> getAll(List<NodeId> ids) {
    return delegate.getAll(ids);
  }

  @Override
  public void putAll(long expectedSize, long newSize, Map<NodeId, byte[]> nodes) {
    if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("injected: the database refused for a moment");
    }
    delegate.putAll(expectedSize, newSize, nodes);
    growths.incrementAndGet();
  }
}
