package org.kpledger.anchoring.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once anchoring survives what happens to a running node: the processor stopped and started
 * mid-stream, the node restarted, the token reset, a batch failing to commit.
 */
class AnchoringRestartTest {

  @TempDir Path dir;
  private final AnchoringFixture ledger = new AnchoringFixture();

  @AfterEach
  void stop() {
    ledger.stopAxon();
  }

  @Test
  void stoppingTheProcessorAndRestartingTheNodeMidStreamLosesAndRepeatsNothing() throws Exception {
    ledger.startAxon(20);
    List<CompletableFuture<List<String>>> publishers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      String aggregate = "miner-" + t;
      publishers.add(CompletableFuture.supplyAsync(() -> ledger.publish(aggregate, 200)));
    }
    awaitAtLeast(100);
    ledger.processor().shutDown();
    Thread.sleep(200);
    ledger.processor().start();
    awaitAtLeast(250);
    ledger.stopAxon();
    ledger.startAxon(20);
    publishers.forEach(CompletableFuture::join);
    ledger.awaitLeaves(400);
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  @Test
  void replayingAfterATokenResetAddsNoLeaves() throws Exception {
    ledger.publish("miner-1", 100);
    ledger.startAxon(25);
    ledger.awaitLeaves(100);
    int growths = ledger.growths.get();
    ledger.processor().shutDown();
    ledger.processor().resetTokens();
    ledger.processor().start();
    awaitReplayDone();
    assertThat(ledger.db.leaves.size()).isEqualTo(100);
    assertThat(ledger.growths.get()).as("no growth during the replay").isEqualTo(growths);
    ledger.publish("miner-2", 10);
    ledger.awaitLeaves(110);
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  @Test
  void aBatchThatFailsToCommitIsRetriedNotSkipped() throws Exception {
    ledger.failuresToInject.set(2);
    ledger.publish("miner-1", 60);
    ledger.startAxon(25);
    ledger.awaitLeaves(60);
    assertThat(ledger.failuresToInject.get()).isZero();
    assertThat(ledger.growths.get()).isEqualTo(3);
    ledger.assertEveryEventIsExactlyOneLeaf(dir);
  }

  private void awaitAtLeast(long leaves) throws InterruptedException {
    while (ledger.db.leaves.size() < leaves) {
      Thread.sleep(20);
    }
  }

  private void awaitReplayDone() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      var status = ledger.processor().processingStatus().values();
      if (!status.isEmpty()
          && status.stream()
              .allMatch(
                  s ->
                      s.isCaughtUp()
                          && s.getCurrentPosition().orElse(-1) >= s.getResetPosition().orElse(0))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the replay did not finish: " + statusOf());
  }

  private List<EventTrackerStatus> statusOf() {
    return List.copyOf(ledger.processor().processingStatus().values());
  }
}
