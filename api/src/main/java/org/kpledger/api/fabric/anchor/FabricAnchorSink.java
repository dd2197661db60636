package org.kpledger.api.fabric.anchor;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchorRejectedException;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorUnavailableException;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.signing.EcdsaP256;

/**
 * Anchors signed tree heads on the Fabric channel: {@code AppendHead} of the {@code Anchor}
 * contract, submitted through the node's Gateway connection with the consistency proof from the
 * channel's latest head, which the chaincode verifies before storing the head. Every head it
 * anchors gets a row in {@code anchor_transaction} with the transaction id, the block number and
 * the block itself, read from the node's peer ({@code qscc}); the receipt's reference names them
 * ({@code <channel>/block/<n>/tx/<txId>}).
 *
 * <p>A refusal by the chaincode (its reason code in the Gateway error) is an {@link
 * AnchorRejectedException}; a peer or orderer that cannot be reached, a deadline, or a transaction
 * that did not commit as valid (an MVCC conflict, ...) is an {@link AnchorUnavailableException}.
 * After either, the sink asks the channel again for its latest head before the next anchor, since a
 * transaction whose answer was lost may still have committed.
 *
 * <p>{@link #lastAnchored()} is answered by the channel ({@code GetLatestHead}), so a node whose
 * database was wiped does not anchor from scratch; the row of that head is written if missing. The
 * contract keeps the head with a signature over the checkpoint text made by this sink with the node
 * key (the contract's format), not the node's C2SP note: the head read back is checked against the
 * node key, and its note is signed again by the same key over the same head and time.
 */
public final class FabricAnchorSink implements AnchorSink {

  private final String name;
  private final String origin;
  private final String channel;
  private final Contract anchor;
  private final ChannelBlocks blocks;
  private final AnchorTransactionTable table;
  private final TreeHeadSigner signer;
  private final Clock clock;

  /** The last head anchored, as far as this sink knows; {@code null} when to be asked again. */
  private AnchoredHead last;

  /**
   * Creates the sink; it reaches the network only when asked.
   *
   * @param name the sink's name in receipts and status, for example {@code fabric}
   * @param origin the log's origin, the ledger id on the channel
   * @param fabric the node's Gateway connection
   * @param table where each anchoring's transaction and block are kept
   * @param signer the ledger node's tree-head key, registered on the channel for {@code origin}
   * @param clock when rows are written
   */
  public FabricAnchorSink(
      String name,
      String origin,
      FabricConnection fabric,
      AnchorTransactionTable table,
      TreeHeadSigner signer,
      Clock clock) {
    this.name = name;
    this.origin = origin;
    this.channel = fabric.settings().channel();
    this.anchor = fabric.contract("Anchor");
    this.blocks = new ChannelBlocks(fabric.network().getContract("qscc"), channel);
    this.table = table;
    this.signer = signer;
    this.clock = clock;
  }

  /** {@inheritDoc} */
  @Override
  public String name() {
    return name;
  }

  /** {@inheritDoc} */
  @Override
  public synchronized Optional<AnchoredHead> lastAnchored() {
    byte[] answer;
    try {
      answer = anchor.evaluateTransaction("GetLatestHead", origin);
    } catch (GatewayException e) {
      last = null;
      if (ChaincodeRefusal.of(e).filter(r -> r.code().equals("NOT_FOUND")).isPresent()) {
        return Optional.empty();
      }
      throw unavailable("cannot read the latest head of " + origin, e);
    }
    AnchorJson.Stored stored = AnchorJson.stored(answer);
    if (last == null || !sameHead(last.head().head(), stored.head())) {
      last = fromChannel(stored);
    }
    return Optional.of(last);
  }

  /** {@inheritDoc} */
  @Override
  public synchronized AnchorReceipt anchor(SignedTreeHead head, List<byte[]> proof)
      throws AnchorRejectedException {
    if (!head.head().origin().equals(origin)) {
      throw new AnchorRejectedException(
          "head of log '" + head.head().origin() + "' offered to the sink of log '" + origin + "'");
    }
    if (last == null) {
      lastAnchored();
    }
    if (last != null && sameHead(last.head().head(), head.head())) {
      return last.receipt();
    }
    long fromSize = last == null ? 0 : last.head().size();
    String request =
        AnchorJson.write(
            new AnchorJson.Request(
                contractHead(head.head()),
                fromSize,
                proof.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList()));
    last = null;
    AnchorJson.Stored stored;
    long blockNumber;
    try {
      SubmittedTransaction tx =
          anchor.newProposal("AppendHead").addArguments(request).build().endorse().submitAsync();
      Status status = tx.getStatus();
      if (!status.isSuccessful()) {
        throw new AnchorUnavailableException(
            "transaction "
                + status.getTransactionId()
                + " anchoring size "
                + head.size()
                + " committed as "
                + status.getCode()
                + ", not VALID",
            new IllegalStateException(status.getCode().name()));
      }
      stored = AnchorJson.stored(tx.getResult());
      blockNumber = stored.txId().equals(status.getTransactionId()) ? status.getBlockNumber() : -1;
    } catch (GatewayException e) {
      Optional<ChaincodeRefusal> refusal = ChaincodeRefusal.of(e);
      if (refusal.isPresent()) {
        throw new AnchorRejectedException(
            "the anchor contract refused the head of size " + head.size() + ": " + refusal.get(),
            e);
      }
      throw unavailable("cannot anchor the head of size " + head.size(), e);
    }
    if (!sameHead(head.head(), stored.head())) {
      throw new AnchorUnavailableException(
          "the contract answered another head than size " + head.size(),
          new IllegalStateException(stored.head().toString()));
    }
    AnchorReceipt receipt = record(head.head(), stored, blockNumber);
    last = new AnchoredHead(head, receipt);
    return receipt;
  }

  /**
   * Names the sink.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "FabricAnchorSink[" + name + ", " + origin + " on " + channel + "]";
  }

  private AnchoredHead fromChannel(AnchorJson.Stored stored) {
    AnchorJson.Head h = stored.head();
    if (!origin.equals(h.ledgerId())
        || !EcdsaP256.verify(signer.publicKey(), h.checkpoint(), h.signatureBytes())) {
      throw new AnchorUnavailableException(
          "the channel's latest head of "
              + origin
              + " is not signed by this node's key: is the ledger id registered to another node?",
          new IllegalStateException(h.ledgerId()));
    }
    TreeHead head = new TreeHead(origin, h.size(), h.root(), Instant.parse(h.timestamp()));
    return new AnchoredHead(Checkpoint.sign(head, signer), record(head, stored, -1));
  }

  /** Keeps the anchoring's row unless kept, fetching its block, and returns its receipt. */
  private AnchorReceipt record(TreeHead head, AnchorJson.Stored stored, long blockNumber) {
    Optional<AnchorTransaction> kept =
        table.at(name, head.size()).filter(t -> t.txId().equals(stored.txId()));
    long number;
    if (kept.isPresent()) {
      number = kept.get().blockNumber();
    } else {
      ChannelBlocks.Found block;
      try {
        block = blocks.carrying(stored.txId(), blockNumber);
      } catch (GatewayException e) {
        throw unavailable("cannot read the block of transaction " + stored.txId(), e);
      }
      table.insert(
          new AnchorTransaction(
              name,
              origin,
              head.size(),
              head.rootHash(),
              stored.txId(),
              block.number(),
              clock.instant(),
              block.bytes()));
      number = block.number();
    }
    return new AnchorReceipt(
        name,
        channel + "/block/" + number + "/tx/" + stored.txId(),
        Instant.parse(stored.txTimestamp()));
  }

  private AnchorJson.Head contractHead(TreeHead head) {
    String root = Base64.getEncoder().encodeToString(head.rootHash());
    AnchorJson.Head unsigned =
        new AnchorJson.Head(origin, head.size(), root, head.timestamp().toString(), "");
    return new AnchorJson.Head(
        origin,
        head.size(),
        root,
        head.timestamp().toString(),
        Base64.getEncoder().encodeToString(signer.sign(unsigned.checkpoint())));
  }

  private static boolean sameHead(TreeHead a, AnchorJson.Head b) {
    return a.size() == b.size() && MerkleHash.equal(a.rootHash(), b.root());
  }

  private static boolean sameHead(TreeHead a, TreeHead b) {
    return a.size() == b.size() && MerkleHash.equal(a.rootHash(), b.rootHash());
  }

  private static AnchorUnavailableException unavailable(String what, Exception e) {
    String status = e instanceof GatewayException g ? g.getStatus().getCode() + " " : "";
    return new AnchorUnavailableException(what + ": " + status + e.getMessage(), e);
  }
}
