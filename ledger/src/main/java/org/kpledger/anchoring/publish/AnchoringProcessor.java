package org.kpledger.anchoring.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.anchoring.leaf.LeafRecord;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every committed event exactly one leaf of the Merkle log, in the order a tracking event
 * processor delivers them. Register it alone in processing group {@value #PROCESSING_GROUP}, a
 * tracking (or pooled streaming) processor with one segment, whose transaction manager also binds
 * the connections of the node store, the leaf index and the token store.
 *
 * <p>The handler only collects events; when Axon commits the batch's unit of work, one
 * prepare-commit step skips events that are already leaves, encodes the rest ({@link LeafEncoder}),
 * inserts their {@code merkle_leaf} rows in one batch and grows the tree with one {@link
 * MerkleLog#appendAll}. Why each event ends up exactly once:
 *
 * <ul>
 *   <li><b>At least once.</b> The tracking processor hands over every event the store commits, and
 *       advances its token only in the batch's transaction. Axon's gap-aware token remembers global
 *       indexes that were reserved but not yet committed and delivers those events when their
 *       transactions commit, so an event that commits out of order becomes a later leaf rather than
 *       a lost one; leaf order is processing order, not global-index order. Nothing in the handler
 *       can fail, so no error handler can swallow an event: a failure in the prepare-commit step
 *       rolls the batch back, token included, and the processor retries it.
 *   <li><b>At most once.</b> Leaves, nodes and token commit in one transaction ({@link
 *       JdbcLeafIndex#insertAll} refuses to write outside one), so a crash leaves either all or
 *       none of them and a redelivered batch finds nothing of itself. Events replayed anyway (a
 *       token reset, a wiring that does not share the transaction) are skipped by event id, and the
 *       unique {@code event_id} and the leaf-index key make a second leaf impossible even if two
 *       nodes briefly both process the segment; the node store's compare-and-set on the size fails
 *       the loser, whose transaction rolls back.
 * </ul>
 *
 * <p>Limits: Axon stops waiting for a gap after its gap timeout (and beyond its maximum gap
 * offset); an event committing later than that is not delivered to any tracking processor.
 * Configure the event store's gap settings above the longest transaction, and reconcile with a
 * query for events that have no {@code merkle_leaf} row. Upcasters change what the processor sees:
 * a leaf commits to the event as first delivered, so register none that touch stored events without
 * also giving auditors the upcaster.
 */
@ProcessingGroup(AnchoringProcessor.PROCESSING_GROUP)
public final class AnchoringProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(AnchoringProcessor.class);

  /** The processing group, and so the tracking processor's and token's name. */
  public static final String PROCESSING_GROUP = "anchoring";

  private final NodeStore nodes;
  private final JdbcLeafIndex leaves;
  private final LeafEncoder encoder;
  private final Clock clock;
  private final LongConsumer committedSize;
  private final String batchKey = AnchoringProcessor.class.getName() + "@" + hashCode();

  /**
   * Creates the processor.
   *
   * @param nodes the Merkle log's node store, on the processor's transactional connections
   * @param leaves the leaf index, on the same connections
   * @param encoder turns events into leaf bytes
   * @param clock the ledger's clock, for {@link LeafRecord#anchoredAt()}
   * @param committedSize told the new tree size after each batch commits (for example {@link
   *     TreeHeadPublisher#leavesCommitted}); called on the processor's thread, must not block
   */
  public AnchoringProcessor(
      NodeStore nodes,
      JdbcLeafIndex leaves,
      LeafEncoder encoder,
      Clock clock,
      LongConsumer committedSize) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.leaves = Objects.requireNonNull(leaves, "leaves");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.committedSize = Objects.requireNonNull(committedSize, "committedSize");
  }

  /**
   * Collects one event of the batch being processed; the batch is anchored when it commits.
   *
   * @param event any event
   */
  @EventHandler
  public void on(EventMessage<?> event) {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    Batch batch = root.getOrComputeResource(batchKey, key -> open(root));
    batch.events.add(event);
  }

  /** The events of one unit of work and, once anchored, the tree size they brought it to. */
  private static final class Batch {
    private final List<EventMessage<?>> events = new ArrayList<>();
    private long sizeAfter = -1;
  }

  private Batch open(UnitOfWork<?> root) {
    Batch batch = new Batch();
    root.onPrepareCommit(unitOfWork -> anchor(batch));
    root.afterCommit(
        unitOfWork -> {
          if (batch.sizeAfter >= 0) {
            try {
              committedSize.accept(batch.sizeAfter);
            } catch (RuntimeException e) {
              LOG.warn("tree size listener failed; the leaves are committed: {}", e.toString());
            }
          }
        });
    return batch;
  }

  private void anchor(Batch batch) {
    Map<String, EventMessage<?>> byId = new LinkedHashMap<>();
    batch.events.forEach(event -> byId.putIfAbsent(event.getIdentifier(), event));
    Set<String> already = leaves.existing(byId.keySet());
    List<EventMessage<?>> fresh =
        byId.values().stream().filter(event -> !already.contains(event.getIdentifier())).toList();
    if (fresh.isEmpty()) {
      return;
    }
    MerkleLog log = new MerkleLog(nodes);
    long start = log.size();
    long recorded = leaves.size();
    if (recorded != start) {
      throw new IllegalStateException(
          "merkle_leaf holds "
              + recorded
              + " leaves but the node store "
              + start
              + ": they were written apart");
    }
    Instant now = clock.instant();
    List<LeafRecord> records = new ArrayList<>(fresh.size());
    List<byte[]> hashes = new ArrayList<>(fresh.size());
    for (EventMessage<?> event : fresh) {
      byte[] hash = encoder.leafHash(event);
      hashes.add(hash);
      records.add(new LeafRecord(start + records.size(), event.getIdentifier(), hash, now));
    }
    leaves.insertAll(records);
    log.appendAll(hashes);
    batch.sizeAfter = log.size();
  }
}
