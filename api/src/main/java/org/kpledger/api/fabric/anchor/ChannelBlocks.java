package org.kpledger.api.fabric.anchor;

import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * Reads blocks of the channel from the node's own peer through the {@code qscc} system chaincode,
 * evaluated over the Gateway, and checks that a block is the one asked for and carries the
 * transaction: the bytes kept in {@code anchor_transaction} are the peer's {@code common.Block} as
 * it answered.
 */
final class ChannelBlocks {

  private final Contract qscc;
  private final String channel;

  ChannelBlocks(Contract qscc, String channel) {
    this.qscc = qscc;
    this.channel = channel;
  }

  /** A block that carries a transaction. */
  record Found(long number, byte[] bytes) {}

  /**
   * Returns the block that carries a transaction.
   *
   * @param txId the transaction id
   * @param expectedNumber the block number the commit status gave, or -1 if unknown
   * @return the block's number and bytes
   * @throws GatewayException if the peer cannot answer
   * @throws IllegalStateException if the block does not carry the transaction or has another number
   */
  Found carrying(String txId, long expectedNumber) throws GatewayException {
    byte[] bytes =
        expectedNumber >= 0
            ? qscc.evaluateTransaction("GetBlockByNumber", channel, Long.toString(expectedNumber))
            : qscc.evaluateTransaction("GetBlockByTxID", channel, txId);
    Block block;
    try {
      block = Block.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the peer answered a block that does not parse", e);
    }
    long number = block.getHeader().getNumber();
    if (expectedNumber >= 0 && number != expectedNumber) {
      throw new IllegalStateException(
          "asked for block " + expectedNumber + ", the peer answered block " + number);
    }
    if (!carries(block, txId)) {
      throw new IllegalStateException("block " + number + " does not carry transaction " + txId);
    }
    return new Found(number, bytes);
  }

  private static boolean carries(Block block, String txId) {
    try {
      for (var data : block.getData().getDataList()) {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
        if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
            .getTxId()
            .equals(txId)) {
          return true;
        }
      }
      return false;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a transaction of the block does not parse", e);
    }
  }
}
