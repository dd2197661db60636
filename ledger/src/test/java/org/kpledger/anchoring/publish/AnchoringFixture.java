package org.kpledger.anchoring.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.MetaData;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.anchoring.leaf.LeafRecord;
import org.kpledger.anchoring.leaf.LedgerDatabase;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;
import org.kpledger.merkle.ProofVerifier;
import org.kpledger.miner.MinerRegisteredEvent;
import org.kpledger.site.GeoPoint;

/**
 * A ledger in a test: the H2 database, Axon configured without Spring ({@link DefaultConfigurer})
 * with the JDBC event store and a tracking processor running the {@link AnchoringProcessor}, and
 * the assertions that prove exactly-once anchoring.
 */
final class AnchoringFixture {

  static final String ORIGIN = "kp.example.org/ledger";

  final LedgerDatabase db = new LedgerDatabase();
  final LeafEncoder encoder = new LeafEncoder(db.serializer);
  final TreeHeadSigner signer = EcdsaP256TreeHeadSigner.withNewKey();

  /** How many times the node store was grown, that is, how many batches were anchored. */
  final AtomicInteger growths = new AtomicInteger();

  /** Growths still to fail, as a database that refuses for a moment. */
  final AtomicInteger failuresToInject = new AtomicInteger();

  private final AtomicInteger sequence = new AtomicInteger();
  private Configuration axon;

  /** Starts Axon with a new anchoring processor over the same database, as a restarted node. */
  void startAxon(int batchSize) {
    startAxon(batchSize, size -> {});
  }

  /** Starts Axon as above, telling {@code committedSize} the tree size after each batch. */
  void startAxon(int batchSize, LongConsumer committedSize) {
    NodeStore nodes = new FlakyNodeStore(db.nodes, growths, failuresToInject);
    AnchoringProcessor handler =
        new AnchoringProcessor(nodes, db.leaves, encoder, Clock.systemUTC(), committedSize);
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> db.serializer)
            .configureEventSerializer(c -> db.serializer)
            .configureTransactionManager(c -> db.transactions)
            .configureEmbeddedEventStore(c -> db.events)
            .eventProcessing(
                ep ->
                    ep.registerTokenStore(c -> db.tokens)
                        .registerTrackingEventProcessor(
                            AnchoringProcessor.PROCESSING_GROUP,
                            Configuration::eventStore,
                            c ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(batchSize))
                        .registerEventHandler(c -> handler))
            .buildConfiguration();
    axon.start();
  }

  void stopAxon() {
    axon.shutdown();
  }

  TrackingEventProcessor processor() {
    return axon.eventProcessingConfiguration()
        .eventProcessor(AnchoringProcessor.PROCESSING_GROUP, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /** Appends events one transaction each, as commands do; returns their ids. */
  List<String> publish(String aggregate, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int seq = i;
      db.transactions.executeInTransaction(() -> ids.add(append(aggregate, seq)));
    }
    return ids;
  }

  /** Appends events in the caller's transaction; returns their ids. */
  List<String> publishInCurrentTransaction(String aggregate, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(append(aggregate, i));
    }
    return ids;
  }

  private String append(String aggregate, int seq) {
    GenericDomainEventMessage<MinerRegisteredEvent> event =
        new GenericDomainEventMessage<>(
            "Miner",
            aggregate,
            seq,
            new MinerRegisteredEvent(
                aggregate,
                "Miner " + seq,
                "CNI-" + seq,
                "P-" + sequence.incrementAndGet(),
                "site-1",
                "zone-A",
                new GeoPoint(new BigDecimal("4.36"), new BigDecimal("18.55"))),
            MetaData.with(
                LedgerMetaData.ENVELOPE, "{\"commandId\":\"c-" + aggregate + seq + "\"}"));
    db.events.appendEvents(event);
    return event.getIdentifier();
  }

  void awaitLeaves(long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (db.leaves.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(db.leaves.size()).as("leaves after waiting").isEqualTo(count);
  }

  /**
   * Every stored event is exactly one leaf, leaves are 0..n-1, each leaf hash is the stored
   * event's, and each inclusion proof verifies against a head signed and kept by a local sink.
   */
  SignedTreeHead assertEveryEventIsExactlyOneLeaf(Path dir) throws Exception {
    Map<String, TrackedEventMessage<?>> stored =
        db.events
            .readEvents(null, false)
            .collect(Collectors.toMap(TrackedEventMessage::getIdentifier, e -> e));
    List<LeafRecord> leaves = db.leaves.list(0, Integer.MAX_VALUE);
    assertThat(leaves)
        .extracting(LeafRecord::leafIndex)
        .containsExactlyElementsOf(LongStream.range(0, stored.size()).boxed().toList());
    assertThat(new HashSet<>(leaves.stream().map(LeafRecord::eventId).toList()))
        .hasSize(leaves.size())
        .isEqualTo(stored.keySet());
    assertThat(db.nodes.size()).isEqualTo(leaves.size());
    SignedTreeHead head = signAndAnchor(dir);
    SignedTreeHead verified =
        new CheckpointVerifier(ORIGIN, signer.publicKey()).verify(head.note());
    assertThat(verified.size()).isEqualTo(leaves.size());
    MerkleLog log = new MerkleLog(db.nodes);
    byte[] root = verified.head().rootHash();
    for (LeafRecord leaf : leaves) {
      assertThat(leaf.leafHash()).isEqualTo(encoder.leafHash(stored.get(leaf.eventId())));
      ProofVerifier.verifyInclusion(
          leaf.leafIndex(),
          verified.size(),
          leaf.leafHash(),
          log.inclusionProof(leaf.leafIndex(), verified.size()),
          root);
    }
    return verified;
  }

  long globalIndex(String eventId) throws java.sql.SQLException {
    return db.database.queryForLong(
        "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = '" + eventId + "'");
  }

  Map<String, LeafRecord> leavesById() {
    Map<String, LeafRecord> byId = new HashMap<>();
    db.leaves.list(0, Integer.MAX_VALUE).forEach(l -> byId.put(l.eventId(), l));
    return byId;
  }

  private SignedTreeHead signAndAnchor(Path dir) throws Exception {
    try (LocalAnchorSink sink =
            LocalAnchorSink.open(
                "local", db.connections, dir.resolve("checkpoints.txt"), Clock.systemUTC());
        TreeHeadPublisher publisher =
            new TreeHeadPublisher(
                db.nodes,
                signer,
                List.of(sink),
                new PublishingCadence(ORIGIN, 1000, Duration.ofMinutes(1)),
                Clock.systemUTC())) {
      SignedTreeHead head = publisher.publish().orElseThrow();
      assertThat(sink.lastAnchored().orElseThrow().head()).isEqualTo(head);
      return head;
    }
  }
}
