package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_BLOCK_ALTERED;
import static org.kpledger.audit.Rule.ANCHOR_TX_INVALID;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.kpledger.audit.Rule;
import org.kpledger.audit.fabric.ChannelMembers.Member;

/**
 * The checks every transaction of the channel that a bundle holds as evidence goes through, an
 * anchoring transaction or a certificate's confirmation, whatever it says: the block that carries
 * it is intact (its data hashes to its header), it is a well-formed endorser transaction ({@link
 * EndorserTransaction}), the peers marked it {@code VALID}, it is on the channel of the
 * configuration in force, its creator signed it, its endorsements satisfy the channel's endorsement
 * policy ({@link TransactionSignatures}) and the channel's orderer signed the block ({@link
 * BlockSignatures}). What the transaction must say is the caller's {@link Content} check.
 *
 * @param tx the transaction, if the block holds it readably
 * @param creator its creator, if a member of a trusted channel organisation
 * @param channel the configuration in force, if the bundle carries it intact
 */
record CommittedTransaction(
    Optional<EndorserTransaction> tx,
    Optional<Member> creator,
    Optional<ChannelConfigs.Channel> channel) {

  /** What the transaction must say (the head it appends, the certificate it confirms). */
  @FunctionalInterface
  interface Content {
    /**
     * Checks the transaction's content.
     *
     * @throws EvidenceException naming what differs
     */
    void check(EndorserTransaction tx) throws EvidenceException;
  }

  /**
   * Checks a transaction and its block.
   *
   * @param block the block
   * @param txId the transaction's id
   * @param content what the transaction must say
   * @param channels the bundle's channel configurations
   * @param fallback when the block's signer is checked if the transaction cannot be read
   * @param problems where every failure goes, each naming its rule
   * @return what was found
   */
  static CommittedTransaction check(
      Block block,
      String txId,
      Content content,
      ChannelConfigs channels,
      Instant fallback,
      List<EvidenceException> problems) {
    if (!Arrays.equals(
        FabricBlocks.dataHash(block), block.getHeader().getDataHash().toByteArray())) {
      problems.add(
          new EvidenceException(
              ANCHOR_BLOCK_ALTERED, "the block's data does not hash to its header's data hash"));
    }
    EndorserTransaction tx = null;
    try {
      tx = EndorserTransaction.find(block, txId);
    } catch (EvidenceException e) {
      problems.add(e);
      if (e.rule() == ANCHOR_BLOCK_ALTERED) {
        return new CommittedTransaction(Optional.empty(), Optional.empty(), Optional.empty());
      }
    }
    if (tx != null) {
      try {
        tx.checkConsistent();
      } catch (EvidenceException e) {
        problems.add(e);
      }
      try {
        content.check(tx);
      } catch (EvidenceException e) {
        problems.add(e);
      }
      validationCode(block, tx, problems);
    }
    Optional<ChannelConfigs.Channel> config = channels.forBlock(block, problems);
    Optional<Member> creator = Optional.empty();
    if (config.isPresent()) {
      ChannelMembers members = config.get().members();
      if (tx != null) {
        if (!tx.header().getChannelId().equals(config.get().config().channel())) {
          problems.add(
              new EvidenceException(
                  Rule.ANCHOR_TX_ALTERED,
                  "the transaction is on channel "
                      + tx.header().getChannelId()
                      + ", not "
                      + config.get().config().channel()));
        }
        creator =
            TransactionSignatures.check(tx, members, config.get().config().endorsement(), problems);
      }
      problems.addAll(
          BlockSignatures.check(block, members, tx == null ? fallback : tx.proposedAt()));
    }
    return new CommittedTransaction(Optional.ofNullable(tx), creator, config);
  }

  private static void validationCode(
      Block block, EndorserTransaction tx, List<EvidenceException> problems) {
    int flags = BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE;
    byte[] codes =
        block.getMetadata().getMetadataCount() > flags
            ? block.getMetadata().getMetadata(flags).toByteArray()
            : new byte[0];
    if (codes.length <= tx.index()) {
      problems.add(
          new EvidenceException(ANCHOR_TX_INVALID, "the block carries no validation code for it"));
    } else if (codes[tx.index()] != TxValidationCode.VALID_VALUE) {
      TxValidationCode code = TxValidationCode.forNumber(codes[tx.index()] & 0xff);
      problems.add(
          new EvidenceException(
              ANCHOR_TX_INVALID,
              "the peers marked the transaction " + (code == null ? codes[tx.index()] : code)));
    }
  }
}
