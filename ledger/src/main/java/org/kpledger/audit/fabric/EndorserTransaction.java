package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_BLOCK_ALTERED;
import static org.kpledger.audit.Rule.ANCHOR_TX_ALTERED;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * An endorser transaction found in a block by its id (an anchoring transaction, a certificate's
 * confirmation) and opened down to what the evidence checks need, with the consistency checks
 * Fabric's {@code core/common/validation} makes on the way: the envelope in canonical form, the
 * transaction id derived from nonce and creator, one action, and the proposal hash that the
 * endorsements sign equal to the hash of the transaction's own headers and chaincode proposal
 * payload.
 *
 * @param index the transaction's position in the block
 * @param envelope the envelope (creator signature over its payload)
 * @param header the channel header
 * @param signatureHeader the creator and nonce
 * @param action the transaction's one action
 * @param payload the chaincode action payload: proposal payload and endorsed action
 * @param response the proposal response payload the endorsements sign
 * @param invocation the chaincode invocation (name and arguments)
 * @param result the chaincode's result: response, read-write set, event
 */
record EndorserTransaction(
    int index,
    Envelope envelope,
    ChannelHeader header,
    SignatureHeader signatureHeader,
    TransactionAction action,
    ChaincodeActionPayload payload,
    ProposalResponsePayload response,
    ChaincodeInvocationSpec invocation,
    ChaincodeAction result) {

  /** When the transaction was proposed: the time its identities are checked at. */
  Instant proposedAt() {
    return Instant.ofEpochSecond(
        header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
  }

  /**
   * Finds and opens the transaction.
   *
   * @param block the block
   * @param txId the transaction's id
   * @return the transaction
   * @throws EvidenceException {@code ANCHOR_BLOCK_ALTERED} if the block does not hold it in
   *     canonical form, {@code ANCHOR_TX_ALTERED} if it is not a well-formed endorser transaction
   */
  static EndorserTransaction find(Block block, String txId) throws EvidenceException {
    List<ByteString> data = block.getData().getDataList();
    for (int i = 0; i < data.size(); i++) {
      byte[] raw = data.get(i).toByteArray();
      try {
        Envelope envelope = Envelope.parseFrom(raw);
        if (!Arrays.equals(envelope.toByteArray(), raw)) {
          throw new EvidenceException(
              ANCHOR_BLOCK_ALTERED, "transaction " + i + " is not in canonical protobuf form");
        }
        Payload payload = Payload.parseFrom(envelope.getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        if (header.getTxId().equals(txId)) {
          try {
            return open(i, envelope, payload, header);
          } catch (InvalidProtocolBufferException e) {
            throw altered("cannot be read: " + e.getMessage());
          }
        }
      } catch (InvalidProtocolBufferException e) {
        throw new EvidenceException(
            ANCHOR_BLOCK_ALTERED, "transaction " + i + " cannot be read: " + e.getMessage());
      }
    }
    throw new EvidenceException(
        ANCHOR_BLOCK_ALTERED,
        "block " + block.getHeader().getNumber() + " holds no transaction " + txId);
  }

  private static EndorserTransaction open(
      int index, Envelope envelope, Payload payload, ChannelHeader header)
      throws EvidenceException, InvalidProtocolBufferException {
    if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
      throw altered("is of type " + header.getType() + ", not an endorser transaction");
    }
    Transaction tx = Transaction.parseFrom(payload.getData());
    if (tx.getActionsCount() != 1) {
      throw altered("has " + tx.getActionsCount() + " actions; Fabric allows one");
    }
    TransactionAction action = tx.getActions(0);
    ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(action.getPayload());
    byte[] prpBytes = cap.getAction().getProposalResponsePayload().toByteArray();
    ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(prpBytes);
    ChaincodeInvocationSpec invocation =
        ChaincodeInvocationSpec.parseFrom(
            ChaincodeProposalPayload.parseFrom(cap.getChaincodeProposalPayload()).getInput());
    return new EndorserTransaction(
        index,
        envelope,
        header,
        SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()),
        action,
        cap,
        prp,
        invocation,
        ChaincodeAction.parseFrom(prp.getExtension()));
  }

  /**
   * Checks what Fabric's validation checks of the transaction's own consistency: its id is
   * SHA-256(nonce || creator) of its signature header, and the proposal hash its endorsements
   * signed is SHA-256(channel header || action's signature header || chaincode proposal payload).
   *
   * @throws EvidenceException {@code ANCHOR_TX_ALTERED} at the first that fails
   */
  void checkConsistent() throws EvidenceException {
    byte[] creator = signatureHeader.getCreator().toByteArray();
    String derived =
        HexFormat.of()
            .formatHex(FabricBlocks.sha256(signatureHeader.getNonce().toByteArray(), creator));
    if (signatureHeader.getNonce().isEmpty()
        || creator.length == 0
        || !derived.equals(header.getTxId())) {
      throw altered("has an id that is not SHA-256(nonce || creator) of its header");
    }
    byte[] proposalHash =
        FabricBlocks.sha256(
            header.toByteArray(),
            action.getHeader().toByteArray(),
            payload.getChaincodeProposalPayload().toByteArray());
    if (!Arrays.equals(proposalHash, response.getProposalHash().toByteArray())) {
      throw altered("was endorsed for another proposal (proposal hash mismatch)");
    }
  }

  /** The creator's serialized identity. */
  byte[] creator() {
    return signatureHeader.getCreator().toByteArray();
  }

  /** The bytes every endorsement signs, followed by the endorser. */
  byte[] proposalResponsePayload() {
    return payload.getAction().getProposalResponsePayload().toByteArray();
  }

  /** The endorsements. */
  List<Endorsement> endorsements() {
    return payload.getAction().getEndorsementsList();
  }

  private static EvidenceException altered(String detail) {
    return new EvidenceException(ANCHOR_TX_ALTERED, "the transaction " + detail);
  }
}
