package org.kpledger.anchoring.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.kpledger.jdbc.TestDatabase;
import org.kpledger.merkle.MerkleHash;

/** {@link JdbcLeafIndex}: one row per leaf, unique both ways, written only in a transaction. */
class JdbcLeafIndexTest {

  private final LedgerDatabase db = new LedgerDatabase();
  private final JdbcLeafIndex leaves = db.leaves;

  @Test
  void recordsLeavesAndFindsThemByEventAndByPosition() {
    insert(record(0, "e-0"), record(1, "e-1"));
    assertThat(leaves.size()).isEqualTo(2);
    assertThat(leaves.findByEventId("e-1")).contains(record(1, "e-1"));
    assertThat(leaves.list(0, 1)).containsExactly(record(0, "e-0"));
    assertThat(leaves.findByEventId("e-9")).isEmpty();
    assertThat(leaves.list(1, 10)).containsExactly(record(1, "e-1"));
  }

  @Test
  void anEventIsNeverTwoLeaves() {
    insert(record(0, "e-0"));
    assertThatThrownBy(() -> insert(record(1, "e-0"))).isInstanceOf(JdbcException.class);
    assertThat(leaves.size()).isEqualTo(1);
  }

  @Test
  void aLeafIndexIsNeverTwoEvents() {
    insert(record(0, "e-0"));
    assertThatThrownBy(() -> insert(record(0, "e-1"))).isInstanceOf(JdbcException.class);
  }

  @Test
  void refusesToWriteOutsideATransaction() {
    JdbcLeafIndex autoCommit = new JdbcLeafIndex(db.database.connections());
    assertThatThrownBy(() -> autoCommit.insertAll(List.of(record(0, "e-0"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no transaction");
    assertThat(leaves.size()).isZero();
  }

  @Test
  void findsWhichOfManyEventsAreAlreadyLeaves() {
    List<LeafRecord> many = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(record(i, "e-" + i));
      asked.add("e-" + (i * 2));
    }
    insert(many.toArray(LeafRecord[]::new));
    assertThat(leaves.existing(asked))
        .hasSize(600)
        .contains("e-0", "e-1198")
        .doesNotContain("e-1200");
  }

  @Test
  void anEmptyIndexHasSizeZero() {
    assertThat(new JdbcLeafIndex(new TestDatabase().connections()).createTableIfAbsent().size())
        .isZero();
  }

  private void insert(LeafRecord... records) {
    db.transactions.executeInTransaction(() -> leaves.insertAll(List.of(records)));
  }

  private static LeafRecord record(long index, String eventId) {
    return new LeafRecord(
        index,
        eventId,
        MerkleHash.leafHash(eventId.getBytes()),
        Instant.parse("2024-02-29T12:00:00.123Z"));
  }
}
