package org.kpledger.api.fabric.certificate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the node's reading of a chaincode's events stands, kept in the ledger's database (table
 * {@code fabric_event_checkpoint}, one row per stream): the block to resume from and the last
 * transaction done in it, as Fabric's own {@code FileCheckpointer} keeps them. The Gateway resumes
 * after that transaction, so a restart neither misses nor repeats an event that was checkpointed;
 * one handled but not yet checkpointed comes again, which the handler must take (the Certificate
 * aggregate records a transaction once). Not a projection: a replay of the read side keeps it.
 */
final class ChannelCheckpoint implements Checkpointer {

  private final JdbcTemplate jdbc;
  private final String stream;
  private volatile OptionalLong blockNumber = OptionalLong.empty();
  private volatile Optional<String> transactionId = Optional.empty();

  /**
   * The checkpoint of a stream, read from the table (created if missing).
   *
   * @param jdbc the ledger's database
   * @param stream the stream's name, e.g. {@code certificates@kp-channel/kpledger}
   */
  public ChannelCheckpoint(JdbcTemplate jdbc, String stream) {
    this.jdbc = jdbc;
    this.stream = stream;
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS fabric_event_checkpoint (stream VARCHAR(200) PRIMARY KEY, "
            + "block_number BIGINT NOT NULL, tx_id VARCHAR(128))");
    List<Object[]> rows =
        jdbc.query(
            "SELECT block_number, tx_id FROM fabric_event_checkpoint WHERE stream = ?",
            (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
            stream);
    if (!rows.isEmpty()) {
      blockNumber = OptionalLong.of((Long) rows.get(0)[0]);
      transactionId = Optional.ofNullable((String) rows.get(0)[1]);
    }
  }

  @Override
  public OptionalLong getBlockNumber() {
    return blockNumber;
  }

  @Override
  public Optional<String> getTransactionId() {
    return transactionId;
  }

  /** Every event of the block is done: resume from the next block. */
  @Override
  public void checkpointBlock(long block) {
    save(block + 1, null);
  }

  /** The transaction is done: resume in its block, after it. */
  @Override
  public void checkpointTransaction(long block, String txId) {
    save(block, txId);
  }

  @Override
  public void checkpointChaincodeEvent(ChaincodeEvent event) {
    checkpointTransaction(event.getBlockNumber(), event.getTransactionId());
  }

  private synchronized void save(long block, String txId) {
    int updated =
        jdbc.update(
            "UPDATE fabric_event_checkpoint SET block_number = ?, tx_id = ? WHERE stream = ?",
            block,
            txId,
            stream);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO fabric_event_checkpoint (stream, block_number, tx_id) VALUES (?, ?, ?)",
          stream,
          block,
          txId);
    }
    blockNumber = OptionalLong.of(block);
    transactionId = Optional.ofNullable(txId);
  }
}
