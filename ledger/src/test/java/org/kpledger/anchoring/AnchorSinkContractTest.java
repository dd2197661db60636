package org.kpledger.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * The {@link AnchorSink} contract. Every sink has a test class that extends this one and says how
 * to make an empty sink and how to open an existing one again.
 */
public abstract class AnchorSinkContractTest {

  /** The origin of the heads offered, unless a test class gives each test its own. */
  protected static final String ORIGIN = "kp.example.org/ledger";

  /** The key that signs them. */
  protected static final TreeHeadSigner SIGNER = EcdsaP256TreeHeadSigner.withNewKey();

  private final MerkleLog log = new MerkleLog(new InMemoryNodeStore());
  private AnchorSink sink;

  /**
   * Makes a new sink that has anchored nothing.
   *
   * @return the sink under test
   * @throws Exception if it cannot be made
   */
  protected abstract AnchorSink newSink() throws Exception;

  /**
   * Returns the origin of the heads offered in the current test: {@link #ORIGIN} unless overridden,
   * for sinks whose storage outlives a test (a Fabric channel), which need a fresh log per test.
   * Called after {@link #newSink()}.
   *
   * @return the log's origin
   */
  protected String origin() {
    return ORIGIN;
  }

  /**
   * Opens the same storage again, as after a restart, releasing the given instance.
   *
   * @param sink the instance to replace
   * @return a new instance over the same storage
   * @throws Exception if it cannot be opened
   */
  protected abstract AnchorSink reopen(AnchorSink sink) throws Exception;

  @BeforeEach
  void logOfTwentyLeaves() throws Exception {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      leaves.add(MerkleHash.leafHash(new byte[] {(byte) i}));
    }
    log.appendAll(leaves);
    sink = newSink();
  }

  @Test
  void aNewSinkHasAnchoredNothing() {
    assertThat(sink.lastAnchored()).isEmpty();
  }

  @Test
  void keepsTheFirstHeadWithAnEmptyProof() throws Exception {
    AnchorReceipt receipt = sink.anchor(head(5), List.of());
    assertThat(receipt.sink()).isEqualTo(sink.name());
    assertThat(receipt.reference()).isNotBlank();
    assertThat(sink.lastAnchored())
        .get()
        .satisfies(
            a -> {
              assertThat(a.head().head()).isEqualTo(head(5).head());
              assertThat(a.receipt()).isEqualTo(receipt);
            });
  }

  @Test
  void keepsALargerHeadThatComesWithAValidConsistencyProof() throws Exception {
    sink.anchor(head(5), List.of());
    sink.anchor(head(13), log.consistencyProof(5, 13));
    sink.anchor(head(20), log.consistencyProof(13, 20));
    assertThat(sink.lastAnchored().orElseThrow().head().size()).isEqualTo(20);
  }

  @Test
  void refusesAHeadWhoseConsistencyProofDoesNotVerify() throws Exception {
    sink.anchor(head(5), List.of());
    List<byte[]> proof = log.consistencyProof(5, 13);
    proof.get(0)[0] ^= 1;
    assertRefused(head(13), proof, 5);
  }

  @Test
  void refusesAHeadWithoutItsConsistencyProof() throws Exception {
    sink.anchor(head(5), List.of());
    assertRefused(head(13), List.of(), 5);
  }

  @Test
  void refusesAnOlderHead() throws Exception {
    sink.anchor(head(13), List.of());
    assertRefused(head(5), List.of(), 13);
  }

  @Test
  void refusesADifferentRootAtTheSameSizeAsAFork() throws Exception {
    sink.anchor(head(5), List.of());
    SignedTreeHead fork =
        Checkpoint.sign(
            new TreeHead(origin(), 5, MerkleHash.leafHash(new byte[] {9}), Instant.now()), SIGNER);
    assertRefused(fork, List.of(), 5);
  }

  @Test
  void refusesAProofOfferedWithTheFirstHead() {
    assertThatThrownBy(() -> sink.anchor(head(13), log.consistencyProof(5, 13)))
        .isInstanceOf(AnchorRejectedException.class);
    assertThat(sink.lastAnchored()).isEmpty();
  }

  @Test
  void refusesTheEmptyTree() {
    SignedTreeHead empty =
        Checkpoint.sign(new TreeHead(origin(), 0, log.root(0), Instant.now()), SIGNER);
    assertThatThrownBy(() -> sink.anchor(empty, List.of()))
        .isInstanceOf(AnchorRejectedException.class);
  }

  @Test
  void refusesAHeadOfAnotherLog() throws Exception {
    sink.anchor(head(5), List.of());
    SignedTreeHead other =
        Checkpoint.sign(new TreeHead(origin() + "-other", 13, log.root(13), Instant.now()), SIGNER);
    assertRefused(other, log.consistencyProof(5, 13), 5);
  }

  @Test
  void anchoringTheLastHeadAgainReturnsItsReceipt() throws Exception {
    AnchorReceipt first = sink.anchor(head(5), List.of());
    assertThat(sink.anchor(head(5), List.of())).isEqualTo(first);
  }

  @Test
  void keepsItsHeadsAcrossReopening() throws Exception {
    sink.anchor(head(5), List.of());
    AnchorReceipt receipt = sink.anchor(head(13), log.consistencyProof(5, 13));
    sink = reopen(sink);
    assertThat(sink.lastAnchored().orElseThrow().receipt()).isEqualTo(receipt);
    sink.anchor(head(20), log.consistencyProof(13, 20));
    assertThat(sink.lastAnchored().orElseThrow().head().size()).isEqualTo(20);
  }

  /**
   * Returns the sink under test.
   *
   * @return the sink of the current test
   */
  protected AnchorSink sink() {
    return sink;
  }

  /**
   * Signs the head of the test log at a size.
   *
   * @param size from 1 to 20
   * @return the signed head
   */
  protected SignedTreeHead head(long size) {
    return Checkpoint.sign(
        new TreeHead(origin(), size, log.root(size), Instant.parse("2024-01-01T00:00:00Z")),
        SIGNER);
  }

  /**
   * Returns the test log, for proofs.
   *
   * @return the log of twenty leaves
   */
  protected MerkleLog log() {
    return log;
  }

  private void assertRefused(SignedTreeHead head, List<byte[]> proof, long stillAt) {
    assertThatThrownBy(() -> sink.anchor(head, proof)).isInstanceOf(AnchorRejectedException.class);
    assertThat(sink.lastAnchored().orElseThrow().head().size()).isEqualTo(stillAt);
  }
}
