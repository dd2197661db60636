package org.kpledger.anchoring.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.leaf.LeafRecord;
import org.kpledger.anchoring.local.LocalAnchorSink;

/**
 * The anchoring processor in a real Axon setup (JDBC event store, tracking processor, H2): every
 * event becomes exactly one leaf, whatever the concurrency and commit order.
 */
class AnchoringProcessorTest {

  @TempDir Path dir;
  private final AnchoringFixture ledger = new AnchoringFixture();

  @AfterEach
  void stop() {
    ledger.stopAxon();
  }

  @Test
  void everyEventOfConcurrentPublishersIsExactlyOneLeafWithAVerifiedProof() throws Exception {
    ledger.startAxon(50);
    ExecutorService publishers = Executors.newFixedThreadPool(4);
    List<Future<List<String>>> ids = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String aggregate = "miner-" + t;
      ids.add(publishers.submit(() -> ledger.publish(aggregate, 150)));
    }
    for (Future<List<String>> done : ids) {
      assertThat(done.get()).hasSize(150);
    }
    publishers.shutdown();
    ledger.awaitLeaves(600);
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  @Test
  void aBatchOfEventsIsOneGrowthOfTheTree() throws Exception {
    ledger.publish("miner-1", 200);
    ledger.startAxon(50);
    ledger.awaitLeaves(200);
    assertThat(ledger.growths.get()).isEqualTo(4);
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  @Test
  void anEventCommittedAfterLaterOnesBecomesALaterLeafNotALostOne() throws Exception {
    ledger.startAxon(50);
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> late = new ArrayList<>();
    Thread slow =
        new Thread(
            () ->
                ledger.db.transactions.executeInTransaction(
                    () -> {
                      late.addAll(ledger.publishInCurrentTransaction("miner-slow", 1));
                      appended.countDown();
                      await(release);
                    }));
    slow.start();
    appended.await();
    List<String> early = ledger.publish("miner-fast", 10);
    ledger.awaitLeaves(10);
    assertThat(ledger.leavesById()).containsOnlyKeys(early);
    release.countDown();
    slow.join();
    ledger.awaitLeaves(11);
    Map<String, LeafRecord> leaves = ledger.leavesById();
    LeafRecord lateLeaf = leaves.get(late.get(0));
    assertThat(lateLeaf.leafIndex()).isEqualTo(10);
    assertThat(ledger.globalIndex(late.get(0)))
        .as("the late event took its place in the store before the early ones")
        .isLessThan(ledger.globalIndex(early.get(0)));
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  @Test
  void headsAreSignedAndAnchoredEveryNLeavesOrTMillisAsTheProcessorCommits() throws Exception {
    try (LocalAnchorSink sink =
            LocalAnchorSink.open(
                "local", ledger.db.connections, dir.resolve("heads.txt"), Clock.systemUTC());
        TreeHeadPublisher publisher =
            new TreeHeadPublisher(
                ledger.db.nodes,
                ledger.signer,
                List.of(sink),
                new PublishingCadence(AnchoringFixture.ORIGIN, 100, Duration.ofMillis(500)),
                Clock.systemUTC())) {
      publisher.start();
      ledger.startAxon(50, publisher::leavesCommitted);
      ledger.publish("miner-1", 330);
      ledger.awaitLeaves(330);
      // the status is replaced at the end of a round, after the sink kept the head: wait for both
      long deadline = System.currentTimeMillis() + 60_000;
      while ((sink.lastAnchored().map(a -> a.head().size()).orElse(0L) < 330
              || publisher.status().treeSize() < 330
              || publisher.status().sinks().get(0).headsWaiting() > 0)
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      List<AnchoredHead> heads = sink.list(1, 1000);
      assertThat(heads).last().satisfies(a -> assertThat(a.head().size()).isEqualTo(330));
      assertThat(heads).as("intermediate heads, not one at the end").hasSizeGreaterThan(1);
      AnchoringStatus status = publisher.status();
      assertThat(status.treeSize()).isEqualTo(330);
      assertThat(status.sinks().get(0).headsWaiting()).isZero();
      assertThat(status.sinks().get(0).lastAnchored().orElseThrow().head().size()).isEqualTo(330);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
