package org.kpledger.anchoring.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorUnavailableException;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.ProofException;
import org.kpledger.merkle.ProofVerifier;

/**
 * Keeps signed tree heads in table {@code tree_head} and in an append-only checkpoint file (see the
 * package documentation). A head is written to the file and fsynced, then its row is inserted; the
 * receipt's reference is {@code <file name>@<byte offset>} of the entry. One instance per file;
 * calls are serialised.
 *
 * <p>Opened {@linkplain #openShared shared}, for several nodes on one database, each node keeps its
 * own copy of the file and the table is the one record: the last head is read from the table, the
 * node that publishes first copies the heads other nodes recorded since its copy ends ({@link
 * #copyRecordedHeads}) and then appends its own, and the others copy them too. Every copy holds the
 * same entries at the same offsets, so a receipt's reference names the same bytes in each.
 */
public final class LocalAnchorSink implements AnchorSink, AutoCloseable {

  private final String name;
  private final TreeHeadTable table;
  private final CheckpointFile file;
  private final Clock clock;
  private final boolean shared;
  private AnchoredHead last;

  private LocalAnchorSink(
      String name, TreeHeadTable table, CheckpointFile file, Clock clock, boolean shared) {
    this.name = name;
    this.table = table;
    this.file = file;
    this.clock = clock;
    this.shared = shared;
  }

  /**
   * Opens the sink: creates {@code tree_head} if absent, opens or creates the file and makes it
   * agree with the table (see the package documentation).
   *
   * @param name the sink's name, up to 64 characters, for example {@code local}
   * @param connections where database connections come from
   * @param file the checkpoint file, for example {@code data/checkpoints.txt}
   * @param clock the clock for receipts
   * @return the open sink
   * @throws IllegalStateException if the file and the table disagree beyond a torn last entry
   * @throws UncheckedIOException if the file cannot be opened
   */
  public static LocalAnchorSink open(
      String name, ConnectionProvider connections, Path file, Clock clock) {
    return open(name, connections, file, clock, false);
  }

  /**
   * Opens the sink for one of several nodes sharing the database: as {@link #open}, except that a
   * file behind the table is not an error but this node's copy from before other nodes recorded
   * more heads; it is brought up to the table (the entries it holds must be those the table records
   * at their offsets; a torn last entry is cut back first).
   *
   * @param name the sink's name, up to 64 characters, for example {@code local}
   * @param connections where database connections come from
   * @param file this node's copy of the checkpoint file; every node's copy has the same name
   * @param clock the clock for receipts
   * @return the open sink
   * @throws IllegalStateException if the file and the table disagree beyond a torn last entry
   * @throws UncheckedIOException if the file cannot be opened or written
   */
  public static LocalAnchorSink openShared(
      String name, ConnectionProvider connections, Path file, Clock clock) {
    return open(name, connections, file, clock, true);
  }

  private static LocalAnchorSink open(
      String name, ConnectionProvider connections, Path file, Clock clock, boolean shared) {
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a sink name has 1 to 64 characters");
    }
    try {
      CheckpointFile checkpoints = new CheckpointFile(file);
      TreeHeadTable table = new TreeHeadTable(name, checkpoints.name(), connections);
      TreeHeadTable.Row row = shared ? lastHeld(table, checkpoints) : table.last();
      checkpoints.reconcile(
          row == null ? 0 : row.fileEnd(),
          row == null ? null : CheckpointFile.entry(row.anchored().head().note()));
      LocalAnchorSink sink = new LocalAnchorSink(name, table, checkpoints, clock, shared);
      sink.last = row == null ? null : row.anchored();
      if (shared) {
        sink.copyRecordedHeads();
      }
      return sink;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open checkpoint file " + file, e);
    }
  }

  /**
   * The last recorded entry this node's copy can hold: the last row ending within the file, or, if
   * the file holds something else there, the row before it. That is a head this node wrote but did
   * not live to record, whose place another node's head then took; {@link CheckpointFile#reconcile}
   * cuts it back (within its limit for a torn entry) and {@link #copyRecordedHeads} copies the
   * other.
   */
  private static TreeHeadTable.Row lastHeld(TreeHeadTable table, CheckpointFile file)
      throws IOException {
    TreeHeadTable.Row row = table.lastEndingBy(file.size());
    if (row == null) {
      return null;
    }
    byte[] entry = CheckpointFile.entry(row.anchored().head().note());
    if (file.holds(row.fileEnd(), entry)) {
      return row;
    }
    return table.lastEndingBy(row.fileEnd() - entry.length);
  }

  /**
   * Shared sinks only: appends to this node's file the heads other nodes recorded in the table
   * since the file ends, in order, each at the offset its row records.
   *
   * @return how many entries were appended
   * @throws IllegalStateException if a row records its entry at another offset than where this file
   *     ends: the copies diverged
   * @throws UncheckedIOException if the file cannot be written
   */
  public synchronized int copyRecordedHeads() {
    if (!shared) {
      return 0;
    }
    int copied = 0;
    try {
      List<TreeHeadTable.Row> rows;
      do {
        rows = table.fromOffset(file.size(), 1000);
        for (TreeHeadTable.Row row : rows) {
          byte[] entry = CheckpointFile.entry(row.anchored().head().note());
          long offset = row.fileEnd() - entry.length;
          if (offset != file.size()) {
            throw new IllegalStateException(
                "the head of size "
                    + row.anchored().head().size()
                    + " is recorded at byte "
                    + offset
                    + " but this copy of the checkpoint file ends at byte "
                    + file.size());
          }
          file.append(entry);
          last = row.anchored();
          copied++;
        }
      } while (rows.size() == 1000);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy recorded checkpoints to the file", e);
    }
    return copied;
  }

  /** {@inheritDoc} */
  @Override
  public String name() {
    return name;
  }

  /** {@inheritDoc} */
  @Override
  public synchronized Optional<AnchoredHead> lastAnchored() {
    if (shared) {
      TreeHeadTable.Row row = table.last();
      return Optional.ofNullable(row == null ? null : row.anchored());
    }
    return Optional.ofNullable(last);
  }

  /** {@inheritDoc} */
  @Override
  public synchronized AnchorReceipt anchor(SignedTreeHead head, List<byte[]> proof)
      throws AnchorRejectedException {
    if (shared) {
      try {
        copyRecordedHeads();
      } catch (RuntimeException e) {
        throw new AnchorUnavailableException("cannot bring the checkpoint file up to the table", e);
      }
    }
    if (last != null && sameHead(last.head().head(), head.head())) {
      return last.receipt();
    }
    check(head.head(), proof);
    byte[] entry = CheckpointFile.entry(head.note());
    long offset;
    try {
      offset = file.append(entry);
    } catch (IOException e) {
      throw new AnchorUnavailableException("cannot write the checkpoint file", e);
    }
    AnchorReceipt receipt =
        new AnchorReceipt(
            name, file.name() + "@" + offset, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    try {
      table.insert(head, offset, entry.length, receipt);
    } catch (RuntimeException e) {
      file.cutBackTo(offset);
      throw new AnchorUnavailableException("cannot record the checkpoint in tree_head", e);
    }
    last = new AnchoredHead(head, receipt);
    return receipt;
  }

  /**
   * Lists kept heads by size, for publishing them.
   *
   * @param fromSize the smallest tree size wanted
   * @param limit the most heads to return, at least 1
   * @return up to {@code limit} heads with size at least {@code fromSize}, smallest first
   */
  public List<AnchoredHead> list(long fromSize, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    return table.list(fromSize, limit).stream().map(TreeHeadTable.Row::anchored).toList();
  }

  /**
   * Closes the file.
   *
   * @throws IOException if closing fails
   */
  @Override
  public synchronized void close() throws IOException {
    file.close();
  }

  private void check(TreeHead head, List<byte[]> proof) throws AnchorRejectedException {
    if (head.size() == 0) {
      throw new AnchorRejectedException("an empty tree head anchors nothing");
    }
    if (last == null) {
      if (!proof.isEmpty()) {
        throw new AnchorRejectedException("the first head takes no consistency proof");
      }
      return;
    }
    TreeHead previous = last.head().head();
    if (!previous.origin().equals(head.origin())) {
      throw new AnchorRejectedException(
          "head of log '"
              + head.origin()
              + "' offered to the sink"
              + " of log '"
              + previous.origin()
              + "'");
    }
    if (head.size() <= previous.size()) {
      throw new AnchorRejectedException(
          "head of size "
              + head.size()
              + " root "
              + MerkleHash.hex(head.rootHash())
              + " does not extend the anchored head of size "
              + previous.size()
              + " root "
              + MerkleHash.hex(previous.rootHash())
              + (head.size() == previous.size() ? ": a fork" : ": older"));
    }
    try {
      ProofVerifier.verifyConsistency(
          previous.size(), head.size(), previous.rootHash(), head.rootHash(), proof);
    } catch (ProofException e) {
      throw new AnchorRejectedException(
          "head of size "
              + head.size()
              + " is not consistent with"
              + " the anchored head of size "
              + previous.size()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static boolean sameHead(TreeHead a, TreeHead b) {
    return a.size() == b.size()
        && a.origin().equals(b.origin())
        && MerkleHash.equal(a.rootHash(), b.rootHash());
  }

  /**
   * Names the sink.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "LocalAnchorSink[" + name + ", " + file.name() + "]";
  }
}
