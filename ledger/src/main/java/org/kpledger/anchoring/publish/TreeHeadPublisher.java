package org.kpledger.anchoring.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs tree heads and hands them to the sinks: every N new leaves (told by {@link
 * #leavesCommitted}) or every T, whichever comes first, if the log grew ({@link
 * PublishingCadence}). A round reads the committed log, signs a head over its size after checking
 * it is consistent with the last head signed (C2SP tlog-checkpoint: a log must never sign two
 * inconsistent heads), then brings each sink from its own last head up to the new one with one
 * consistency proof. A sink that is down keeps its heads waiting and catches up, in one anchor, at
 * a later round; it is tried again with exponential back-off, and a sink that rejected a head is
 * not offered it again ({@link RetryPolicy}).
 *
 * <p>Rounds run on one background thread and never on the anchoring processor's. Run one publisher
 * per log, on the node that owns the anchoring processor's segment. Where several nodes share one
 * database, each runs a publisher that is told whether its node publishes now ({@link
 * #publishingWhen}): one that does not signs nothing and only reads the sinks' last heads for its
 * status, and each round starts from the sinks' last heads rather than from what it remembers,
 * since another node may have signed and anchored heads meanwhile.
 */
public final class TreeHeadPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TreeHeadPublisher.class);
  private final NodeStore nodes;
  private final PublishingCadence cadence;
  private final SignedHeads signed;
  private final List<SinkState> sinks = new ArrayList<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tree-head-publisher");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean roundQueued = new AtomicBoolean();
  private volatile BooleanSupplier publishing = () -> true;
  private volatile boolean shared;
  private volatile AnchoringStatus status;

  /**
   * Creates a publisher; call {@link #start()} to start its timer.
   *
   * @param nodes the Merkle log's node store, read outside any transaction so that only committed
   *     leaves are signed
   * @param signer the ledger node's tree head key
   * @param sinks where heads go, at least one
   * @param cadence the origin, N and T
   * @param clock the clock that dates heads
   */
  public TreeHeadPublisher(
      NodeStore nodes,
      TreeHeadSigner signer,
      List<AnchorSink> sinks,
      PublishingCadence cadence,
      Clock clock) {
    this(nodes, signer, sinks, cadence, clock, RetryPolicy.DEFAULT);
  }

  /**
   * Creates a publisher with its own retry policy; call {@link #start()} to start its timer.
   *
   * @param nodes the Merkle log's node store, read outside any transaction
   * @param signer the ledger node's tree head key
   * @param sinks where heads go, at least one
   * @param cadence the origin, N and T
   * @param clock the clock that dates heads and times retries
   * @param retry when failed sinks are tried again
   */
  public TreeHeadPublisher(
      NodeStore nodes,
      TreeHeadSigner signer,
      List<AnchorSink> sinks,
      PublishingCadence cadence,
      Clock clock,
      RetryPolicy retry) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.cadence = Objects.requireNonNull(cadence, "cadence");
    this.signed =
        new SignedHeads(
            cadence.origin(),
            Objects.requireNonNull(signer, "signer"),
            Objects.requireNonNull(clock, "clock"));
    if (sinks.isEmpty()) {
      throw new IllegalArgumentException("a publisher needs at least one sink");
    }
    Objects.requireNonNull(retry, "retry");
    sinks.forEach(sink -> this.sinks.add(new SinkState(sink, retry, clock)));
    this.status = new AnchoringStatus(0, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * Makes the publisher sign and anchor only while {@code publishing} says this node publishes, for
   * several nodes on one database: for example while the node owns the anchoring processor's
   * segment, which only one node at a time does. Call it before {@link #start()}.
   *
   * @param publishing asked at each round; must not block long
   * @return this publisher
   */
  public TreeHeadPublisher publishingWhen(BooleanSupplier publishing) {
    this.publishing = Objects.requireNonNull(publishing, "publishing");
    this.shared = true;
    return this;
  }

  /** Starts the timer: a round every T. */
  public void start() {
    long millis = cadence.everyInterval().toMillis();
    thread.scheduleWithFixedDelay(this::roundQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Tells the publisher the log has grown; queues a round once N leaves are not covered by a signed
   * head. Never blocks.
   *
   * @param treeSize the committed tree size
   */
  public void leavesCommitted(long treeSize) {
    SignedTreeHead last = signed.latest();
    long covered = last == null ? 0 : last.size();
    if (treeSize - covered >= cadence.everyLeaves() && roundQueued.compareAndSet(false, true)) {
      try {
        thread.execute(
            () -> {
              roundQueued.set(false);
              roundQuietly();
            });
      } catch (RejectedExecutionException e) {
        roundQueued.set(false);
      }
    }
  }

  /**
   * Runs a round now, on the caller's thread: sign a head if the log grew, then bring every sink up
   * to the newest head.
   *
   * @return the newest signed head, if there is one
   */
  public synchronized Optional<SignedTreeHead> publish() {
    MerkleLog log = new MerkleLog(nodes);
    boolean publishes = publishing.getAsBoolean();
    if (shared) {
      // another node may have signed and anchored heads since the last round: ask the sinks
      sinks.forEach(SinkState::forget);
      signed.forget();
    }
    if (signed.latest() == null) {
      sinks.forEach(s -> s.last().ifPresent(a -> signed.adoptIfNewer(a.head())));
    }
    if (publishes) {
      signed.signIfGrown(log);
    }
    SignedTreeHead latest = signed.latest();
    if (latest != null && publishes) {
      sinks.forEach(s -> s.catchUp(latest, log));
    }
    long anchoredEverywhere = sinks.stream().mapToLong(SinkState::lastSize).min().orElse(-1);
    List<TreeHead> waiting = signed.waiting(anchoredEverywhere);
    status =
        new AnchoringStatus(
            log.size(),
            Optional.ofNullable(latest),
            signed.error(),
            sinks.stream().map(s -> s.status(waiting)).toList());
    return Optional.ofNullable(latest);
  }

  /**
   * Returns the state as of the last round, without waiting for a running one.
   *
   * @return the anchoring status
   */
  public AnchoringStatus status() {
    return status;
  }

  /** Stops the background thread; a round in progress finishes. */
  @Override
  public void close() {
    thread.shutdown();
  }

  private void roundQuietly() {
    try {
      publish();
    } catch (RuntimeException e) {
      LOG.warn("tree head round failed, will retry: {}", e.toString());
    }
  }
}
