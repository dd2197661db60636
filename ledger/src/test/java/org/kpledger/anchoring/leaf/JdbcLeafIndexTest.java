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
    insert(record(0, id(0)), record(1, id(1)));
    assertThat(leaves.size()).isEqualTo(2);
    assertThat(leaves.findByEventId(id(1))).contains(record(1, id(1)));
    assertThat(leaves.list(0, 1)).containsExactly(record(0, id(0)));
    assertThat(leaves.findByEventId(id(9))).isEmpty();
    assertThat(leaves.list(1, 10)).containsExactly(record(1, id(1)));
  }

  @Test
  void anEventIsNeverTwoLeaves() {
    insert(record(0, id(0)));
    assertThatThrownBy(() -> insert(record(1, id(0)))).isInstanceOf(JdbcException.class);
    assertThat(leaves.size()).isEqualTo(1);
  }

  @Test
  void aLeafIndexIsNeverTwoEvents() {
    insert(record(0, id(0)));
    assertThatThrownBy(() -> insert(record(0, id(1)))).isInstanceOf(JdbcException.class);
  }

  @Test
  void refusesToWriteOutsideATransaction() {
    JdbcLeafIndex autoCommit = new JdbcLeafIndex(db.database.connections());
    assertThatThrownBy(() -> autoCommit.insertAll(List.of(record(0, id(0)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no transaction");
    assertThat(leaves.size()).isZero();
  }

  @Test
  void findsWhichOfManyEventsAreAlreadyLeaves() {
    List<LeafRecord> many = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(record(i, id(i)));
      asked.add(id(i * 2));
    }
    insert(many.toArray(LeafRecord[]::new));
    assertThat(leaves.existing(asked))
        .hasSize(600)
        .contains(id(0), id(1198))
        .doesNotContain(id(1200));
  }

  @Test
  void anEventIdThatIsNotACanonicalUuidIsNeitherWrittenNorFound() {
    String upper = id(7).toUpperCase(java.util.Locale.ROOT);
    assertThatThrownBy(() -> insert(record(0, "e-0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "event id e-0 is not a UUID in canonical text: merkle_leaf keeps event ids as UUIDs");
    insert(record(0, id(7)));
    assertThat(leaves.findByEventId("e-0")).isEmpty();
    assertThat(leaves.findByEventId(upper)).isEmpty();
    assertThat(leaves.findByEventId(id(7))).contains(record(0, id(7)));
    assertThat(leaves.existing(List.of("e-0", upper, id(7)))).containsExactly(id(7));
  }

  @Test
  void anEmptyIndexHasSizeZero() {
    assertThat(new JdbcLeafIndex(new TestDatabase().connections()).createTableIfAbsent().size())
        .isZero();
  }

  /** A canonical UUID for event {@code n}, as Axon's identifiers are. */
  private static String id(long n) {
    return new java.util.UUID(0xabcdef12L, n).toString();
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
