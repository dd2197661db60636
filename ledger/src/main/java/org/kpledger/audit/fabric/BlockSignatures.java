package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_ORDERER_SIGNATURE_INVALID;
import static org.kpledger.audit.Rule.ANCHOR_ORDERER_UNTRUSTED;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.kpledger.audit.fabric.ChannelMembers.Member;
import org.kpledger.audit.fabric.ChannelMembers.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * The ordering service's signatures on a block, checked as Fabric's {@code
 * protoutil.BlockSignatureVerifier} builds them: each {@code MetadataSignature} of the {@code
 * SIGNATURES} metadata signs {@code metadata.value || signature_header || BlockHeaderBytes(header)}
 * (ECDSA P-256 over its SHA-256, low S as Fabric's BCCSP requires), by the creator its signature
 * header names, who must be an orderer of the channel's ordering organisation. A Raft orderer signs
 * once; every signature present must hold and at least one must be there.
 */
final class BlockSignatures {

  private BlockSignatures() {}

  /**
   * Checks every orderer signature of a block.
   *
   * @return what failed, each as an exception naming its rule; empty if the block is signed
   */
  static List<EvidenceException> check(Block block, ChannelMembers members, Instant at) {
    List<EvidenceException> problems = new ArrayList<>();
    Metadata metadata;
    try {
      metadata = FabricBlocks.metadata(block, BlockMetadataIndex.SIGNATURES);
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      problems.add(invalid("the block's SIGNATURES metadata cannot be read: " + e.getMessage()));
      return problems;
    }
    if (metadata.getSignaturesCount() == 0) {
      problems.add(
          invalid("block " + block.getHeader().getNumber() + " carries no orderer signature"));
    }
    byte[] header = FabricBlocks.headerBytes(block.getHeader());
    for (int i = 0; i < metadata.getSignaturesCount(); i++) {
      MetadataSignature signature = metadata.getSignatures(i);
      try {
        check(i, signature, metadata.getValue().toByteArray(), header, members, at);
      } catch (EvidenceException e) {
        problems.add(e);
      }
    }
    return problems;
  }

  private static void check(
      int i,
      MetadataSignature signature,
      byte[] value,
      byte[] header,
      ChannelMembers members,
      Instant at)
      throws EvidenceException {
    if (signature.getSignatureHeader().isEmpty()) {
      throw invalid("signature " + i + " names its signer by a BFT identifier, not supported here");
    }
    SignatureHeader signatureHeader;
    try {
      signatureHeader = SignatureHeader.parseFrom(signature.getSignatureHeader());
    } catch (InvalidProtocolBufferException e) {
      throw invalid("signature " + i + " has an unreadable signature header");
    }
    Member orderer =
        members.authenticate(
            signatureHeader.getCreator().toByteArray(), Role.ORDERER, at, ANCHOR_ORDERER_UNTRUSTED);
    byte[] signed =
        FabricBlocks.concat(value, signature.getSignatureHeader().toByteArray(), header);
    if (!EcdsaP256.verify(
        orderer.certificate().getPublicKey(), signed, signature.getSignature().toByteArray())) {
      throw invalid(
          "signature "
              + i
              + " by "
              + orderer.mspId()
              + " '"
              + orderer.certificate().getSubjectX500Principal().getName()
              + "' does not verify over the block header and metadata");
    }
  }

  private static EvidenceException invalid(String detail) {
    return new EvidenceException(ANCHOR_ORDERER_SIGNATURE_INVALID, detail);
  }
}
