package org.kpledger.bench.micro;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.axonframework.eventhandling.EventMessage;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.bench.PurchaseSample;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The anchoring processor's work per event, in two parts: the leaf hash of a stored purchase event
 * ({@link LeafEncoder#leafHash}: parse the stored payload and metadata, build the leaf object, RFC
 * 8785, SHA-256), and one {@link MerkleLog#append} over an {@link InMemoryNodeStore}, so the tree's
 * hashing and bookkeeping without a database. The log starts empty at every iteration (it keeps
 * every node, so it would otherwise grow for the whole run) and reaches some millions of leaves
 * within one.
 */
@State(Scope.Benchmark)
public class AnchoringBenchmark {

  private static final int DISTINCT_LEAVES = 1024;

  private final LeafEncoder encoder = new LeafEncoder(StoredPurchaseEvent.SERIALIZER);
  private EventMessage<?> stored;
  private final byte[][] leafHashes = new byte[DISTINCT_LEAVES][];
  private MerkleLog log;
  private int next;

  /** Stores the event a fresh purchase slip causes; makes distinct leaf hashes to append. */
  @Setup
  public void setUp() throws IOException {
    stored = StoredPurchaseEvent.of(PurchaseSample.create());
    for (int i = 0; i < DISTINCT_LEAVES; i++) {
      leafHashes[i] = MerkleHash.leafHash(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
    }
  }

  /** A fresh, empty log for each iteration. */
  @Setup(Level.Iteration)
  public void emptyLog() {
    log = new MerkleLog(new InMemoryNodeStore());
    next = 0;
  }

  /** The RFC 9162 leaf hash of the stored event. */
  @Benchmark
  public byte[] leafHash() {
    return encoder.leafHash(stored);
  }

  /** Appends one leaf; returns its index. */
  @Benchmark
  public long append() {
    return log.append(leafHashes[next++ & (DISTINCT_LEAVES - 1)]);
  }
}
