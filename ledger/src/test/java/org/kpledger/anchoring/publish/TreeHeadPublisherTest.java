package org.kpledger.anchoring.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;

/** {@link TreeHeadPublisher} signs when the log grew, on N or T, and lets sinks catch up. */
class TreeHeadPublisherTest {

  private static final String ORIGIN = "kp.example.org/ledger";
  private static final TreeHeadSigner SIGNER = EcdsaP256TreeHeadSigner.withNewKey();

  private final NodeStore nodes = new InMemoryNodeStore();
  private final MerkleLog log = new MerkleLog(nodes);
  private final InMemoryAnchorSink sink = new InMemoryAnchorSink();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
  private final List<TreeHeadPublisher> publishers = new ArrayList<>();

  @AfterEach
  void close() {
    publishers.forEach(TreeHeadPublisher::close);
  }

  @Test
  void signsNothingWhileTheLogIsEmpty() {
    assertThat(publisher(1000, Duration.ofHours(1)).publish()).isEmpty();
    assertThat(sink.kept).isEmpty();
  }

  @Test
  void signsAVerifiableHeadWhenTheLogGrewAndNoneWhenItDidNot() throws Exception {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(5);
    SignedTreeHead head = publisher.publish().orElseThrow();
    TreeHead verified =
        new CheckpointVerifier(ORIGIN, SIGNER.publicKey()).verify(head.note()).head();
    assertThat(verified.size()).isEqualTo(5);
    assertThat(verified.rootHash()).isEqualTo(log.root());
    now.set(now.get().plusSeconds(1));
    assertThat(publisher.publish()).contains(head);
    assertThat(sink.kept).hasSize(1);
  }

  @Test
  void aSinkThatIsDownKeepsHeadsWaitingAndCatchesUpInOneAnchor() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(2);
    publisher.publish();
    sink.down = true;
    for (int i = 0; i < 3; i++) {
      grow(3);
      publisher.publish();
    }
    AnchoringStatus.SinkStatus down = publisher.status().sinks().get(0);
    assertThat(down.headsWaiting()).isEqualTo(3);
    assertThat(down.lastError()).get().asString().startsWith("unavailable");
    sink.down = false;
    now.set(now.get().plus(RetryPolicy.DEFAULT.maxDelay()));
    int calls = sink.anchorCalls;
    publisher.publish();
    assertThat(sink.anchorCalls - calls).isEqualTo(1);
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(2L, 11L);
    AnchoringStatus.SinkStatus up = publisher.status().sinks().get(0);
    assertThat(up.headsWaiting()).isZero();
    assertThat(up.lastError()).isEmpty();
    assertThat(up.lastAnchored().orElseThrow().head().size()).isEqualTo(11);
  }

  @Test
  void anUnavailableSinkIsTriedAgainAfterADelayThatDoublesUpToThirtySeconds() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(2);
    sink.down = true;
    Instant start = now.get();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int calls = sink.calls;
      publisher.publish();
      assertThat(sink.calls).as("attempt %d reached the sink", i).isGreaterThan(calls);
      Instant next = publisher.status().sinks().get(0).nextAttempt().orElseThrow();
      delays.add(Duration.between(now.get(), next).toSeconds());
      now.set(next.minusMillis(1));
      calls = sink.calls;
      publisher.publish();
      assertThat(sink.calls).as("no attempt while backing off").isEqualTo(calls);
      now.set(next);
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    assertThat(publisher.status().sinks().get(0).health())
        .isEqualTo(AnchoringStatus.SinkHealth.UNAVAILABLE);
    sink.down = false;
    publisher.publish();
    AnchoringStatus.SinkStatus up = publisher.status().sinks().get(0);
    assertThat(up.health()).isEqualTo(AnchoringStatus.SinkHealth.ANCHORING);
    assertThat(up.nextAttempt()).isEmpty();
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(2L);
    assertThat(start).isBefore(now.get());
  }

  @Test
  void aSinkThatRejectedAHeadIsNeverOfferedItAgainAndANewerOneOnlyAfterTheDelay() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(2);
    publisher.publish();
    sink.refusing = true;
    grow(3);
    publisher.publish();
    AnchoringStatus.SinkStatus refused = publisher.status().sinks().get(0);
    assertThat(refused.health()).isEqualTo(AnchoringStatus.SinkHealth.REJECTED);
    assertThat(refused.lastError()).get().asString().startsWith("rejected: refused on purpose");
    int anchors = sink.anchorCalls;
    Instant refusedAt = now.get();
    grow(1);
    now.set(refusedAt.plusSeconds(1));
    publisher.publish();
    assertThat(sink.anchorCalls).as("a newer head waits for the delay").isEqualTo(anchors);
    sink.refusing = false;
    now.set(refusedAt.plus(RetryPolicy.DEFAULT.afterRejection()));
    publisher.publish();
    assertThat(sink.anchorCalls).isEqualTo(anchors + 1);
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(2L, 6L);
    assertThat(publisher.status().sinks().get(0).health())
        .isEqualTo(AnchoringStatus.SinkHealth.ANCHORING);
  }

  @Test
  void aHeadKeptWhoseAnswerWasLostIsFoundInTheSinkAndNotAnchoredTwice() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(2);
    sink.losingAnswers = true;
    publisher.publish();
    assertThat(publisher.status().sinks().get(0).health())
        .isEqualTo(AnchoringStatus.SinkHealth.UNAVAILABLE);
    sink.losingAnswers = false;
    int anchors = sink.anchorCalls;
    now.set(now.get().plus(RetryPolicy.DEFAULT.maxDelay()));
    publisher.publish();
    AnchoringStatus.SinkStatus status = publisher.status().sinks().get(0);
    assertThat(sink.anchorCalls).isEqualTo(anchors);
    assertThat(status.health()).isEqualTo(AnchoringStatus.SinkHealth.ANCHORING);
    assertThat(status.lastError()).isEmpty();
    assertThat(status.lastAnchored().orElseThrow().head().size()).isEqualTo(2);
  }

  @Test
  void aRefusedHeadIsNotOfferedAgainEvenAfterTheDelay() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(2);
    sink.refusing = true;
    publisher.publish();
    int anchors = sink.anchorCalls;
    now.set(now.get().plus(RetryPolicy.DEFAULT.afterRejection()).plusSeconds(1));
    publisher.publish();
    assertThat(sink.anchorCalls).isEqualTo(anchors);
    assertThat(publisher.status().sinks().get(0).health())
        .isEqualTo(AnchoringStatus.SinkHealth.REJECTED);
  }

  @Test
  void retryDelaysMustBePositiveAndOrdered() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signsOnceNLeavesAreNotCoveredByAHead() throws Exception {
    TreeHeadPublisher publisher = publisher(10, Duration.ofHours(1));
    grow(5);
    publisher.leavesCommitted(5);
    Thread.sleep(200);
    assertThat(sink.kept).isEmpty();
    grow(5);
    publisher.leavesCommitted(10);
    awaitAnchored(10);
  }

  @Test
  void signsEveryTWhileTheLogGrows() throws Exception {
    TreeHeadPublisher publisher = publisher(1_000_000, Duration.ofMillis(50));
    publisher.start();
    grow(3);
    awaitAnchored(3);
    grow(4);
    awaitAnchored(7);
  }

  @Test
  void continuesAfterARestartFromTheSinksLastHead() {
    grow(5);
    publisher(1000, Duration.ofHours(1)).publish();
    grow(3);
    TreeHeadPublisher restarted = publisher(1000, Duration.ofHours(1));
    assertThat(restarted.publish().orElseThrow().size()).isEqualTo(8);
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(5L, 8L);
  }

  @Test
  void refusesToSignAHeadInconsistentWithTheLastOne() throws Exception {
    MerkleLog other = new MerkleLog(new InMemoryNodeStore());
    other.appendAll(List.of(MerkleHash.leafHash(new byte[] {7}), MerkleHash.leafHash(new byte[0])));
    sink.anchor(
        Checkpoint.sign(new TreeHead(ORIGIN, 2, other.root(), now.get()), SIGNER), List.of());
    grow(5);
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    assertThat(publisher.publish().orElseThrow().size()).as("no new head").isEqualTo(2);
    assertThat(publisher.status().signingError()).get().asString().contains("refusing to sign");
  }

  @Test
  void aNodeThatDoesNotPublishSignsNothingButReportsTheSinksLastHead() {
    grow(5);
    publisher(1000, Duration.ofHours(1)).publish();
    grow(3);
    TreeHeadPublisher follower = publisher(1000, Duration.ofHours(1)).publishingWhen(() -> false);
    assertThat(follower.publish().orElseThrow().size()).isEqualTo(5);
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(5L);
    assertThat(follower.status().latestSigned().orElseThrow().size()).isEqualTo(5);
  }

  @Test
  void aNodeThatTakesOverPublishingContinuesFromTheHeadsAnotherNodeAnchored() {
    java.util.concurrent.atomic.AtomicBoolean firstPublishes =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    TreeHeadPublisher first =
        publisher(1000, Duration.ofHours(1)).publishingWhen(firstPublishes::get);
    TreeHeadPublisher second =
        publisher(1000, Duration.ofHours(1)).publishingWhen(() -> !firstPublishes.get());
    grow(2);
    first.publish();
    second.publish();
    grow(3);
    first.publish();
    firstPublishes.set(false);
    grow(4);
    assertThat(second.publish().orElseThrow().size()).isEqualTo(9);
    firstPublishes.set(true);
    grow(1);
    assertThat(first.publish().orElseThrow().size()).isEqualTo(10);
    assertThat(sink.kept).extracting(a -> a.head().size()).containsExactly(2L, 5L, 9L, 10L);
    assertThat(first.status().sinks().get(0).lastError()).isEmpty();
  }

  @Test
  void headTimesNeverGoBackwards() {
    TreeHeadPublisher publisher = publisher(1000, Duration.ofHours(1));
    grow(1);
    Instant first = publisher.publish().orElseThrow().head().timestamp();
    now.set(first.minusSeconds(60));
    grow(1);
    assertThat(publisher.publish().orElseThrow().head().timestamp()).isEqualTo(first);
  }

  private TreeHeadPublisher publisher(long everyLeaves, Duration everyInterval) {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    TreeHeadPublisher publisher =
        new TreeHeadPublisher(
            nodes,
            SIGNER,
            List.of(sink),
            new PublishingCadence(ORIGIN, everyLeaves, everyInterval),
            clock);
    publishers.add(publisher);
    return publisher;
  }

  private void grow(int leaves) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < leaves; i++) {
      hashes.add(MerkleHash.leafHash(new byte[] {(byte) log.size(), (byte) i}));
    }
    log.appendAll(hashes);
  }

  private void awaitAnchored(long size) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      synchronized (sink) {
        if (!sink.kept.isEmpty() && sink.kept.get(sink.kept.size() - 1).head().size() == size) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no head of size " + size + " was anchored");
  }
}
