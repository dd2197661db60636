package org.kpledger.anchoring.fabric;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed tree head's anchoring on a Fabric channel.
 *
 * @param sink the sink's name (as in its receipts)
 * @param origin the log's origin, the ledger id on the channel
 * @param treeSize the anchored head's size
 * @param rootHash the anchored head's root (32 bytes)
 * @param txId the Fabric transaction id
 * @param blockNumber the number of the block that carries the transaction
 * @param committedAt when the sink saw the transaction committed
 * @param block the block, Fabric's {@code common.Block} protobuf bytes as the peer serves them
 */
public record AnchorTransaction(
    String sink,
    String origin,
    long treeSize,
    byte[] rootHash,
    String txId,
    long blockNumber,
    Instant committedAt,
    byte[] block) {

  /**
   * Checks that every part is present.
   *
   * @param sink the sink's name
   * @param origin the log's origin
   * @param treeSize the head's size
   * @param rootHash the head's root
   * @param txId the transaction id
   * @param blockNumber the block number
   * @param committedAt when it was seen committed
   * @param block the block bytes
   */
  public AnchorTransaction {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(block, "block");
    if (treeSize < 1 || blockNumber < 0) {
      throw new IllegalArgumentException("treeSize must be positive, blockNumber not negative");
    }
  }
}
