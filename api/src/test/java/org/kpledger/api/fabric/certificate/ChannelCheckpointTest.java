package org.kpledger.api.fabric.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The checkpoint survives a restart (a new instance on the same database), per stream. */
class ChannelCheckpointTest {

  private final JdbcTemplate jdbc = new JdbcTemplate(h2());

  @Test
  void aNewStreamStartsWithoutCheckpointAndAStoredOneIsReadBackAfterARestart() {
    ChannelCheckpoint first = new ChannelCheckpoint(jdbc, "certificates@ch/cc");
    assertThat(first.getBlockNumber()).isEmpty();
    first.checkpointTransaction(7, "tx-a");
    first.checkpointTransaction(9, "tx-b");
    ChannelCheckpoint restarted = new ChannelCheckpoint(jdbc, "certificates@ch/cc");
    assertThat(restarted.getBlockNumber()).isEqualTo(OptionalLong.of(9));
    assertThat(restarted.getTransactionId()).isEqualTo(Optional.of("tx-b"));
    restarted.checkpointBlock(9);
    ChannelCheckpoint again = new ChannelCheckpoint(jdbc, "certificates@ch/cc");
    assertThat(again.getBlockNumber()).as("after a whole block, the next").hasValue(10);
    assertThat(again.getTransactionId()).isEmpty();
    assertThat(new ChannelCheckpoint(jdbc, "other@ch/cc").getBlockNumber()).isEmpty();
  }

  private static JdbcDataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:checkpoint-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
