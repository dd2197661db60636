package org.kpledger.anchoring.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kpledger.jdbc.TestDatabase;

/** The anchoring of each head is kept once per sink and read back byte for byte. */
class AnchorTransactionTableTest {

  private final TestDatabase database = new TestDatabase();
  private final AnchorTransactionTable table = new AnchorTransactionTable(database.connections());

  @Test
  void keepsEachHeadsTransactionAndBlockOncePerSink() {
    assertThat(table.last("fabric")).isEmpty();
    assertThat(table.insert(tx("fabric", 5, "tx-5", new byte[] {1, 2, 3}))).isTrue();
    assertThat(table.insert(tx("fabric", 13, "tx-13", new byte[] {4}))).isTrue();
    assertThat(table.insert(tx("fabric", 5, "tx-5-again", new byte[] {9}))).isFalse();
    assertThat(table.insert(tx("other", 5, "tx-o", new byte[] {7}))).isTrue();

    AnchorTransaction five = table.at("fabric", 5).orElseThrow();
    assertThat(five.txId()).isEqualTo("tx-5");
    assertThat(five.block()).containsExactly(1, 2, 3);
    assertThat(five.rootHash()).hasSize(32);
    assertThat(five.committedAt()).isEqualTo(Instant.parse("2026-12-05T10:00:05Z"));
    assertThat(table.last("fabric").orElseThrow().treeSize()).isEqualTo(13);
    assertThat(table.list("fabric", 6, 10))
        .extracting(AnchorTransaction::txId)
        .containsExactly("tx-13");
    assertThat(table.at("fabric", 7)).isEmpty();
  }

  private static AnchorTransaction tx(String sink, long size, String txId, byte[] block) {
    return new AnchorTransaction(
        sink,
        "kp.example.org/ledger",
        size,
        new byte[32],
        txId,
        size * 2,
        Instant.parse("2026-12-05T10:00:00Z").plusSeconds(size),
        block);
  }
}
