package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_CREATOR_SIGNATURE_INVALID;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSEMENT_SIGNATURE_INVALID;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSER_UNTRUSTED;

import java.util.List;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.kpledger.audit.fabric.ChannelMembers.Member;
import org.kpledger.audit.fabric.ChannelMembers.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * The signatures on an anchoring transaction: its creator's over the envelope payload ({@code
 * checkSignatureFromCreator}), and each endorser's over proposal response payload and endorser
 * bytes, as Fabric's endorsement policy evaluation builds them ({@code
 * core/common/validation/statebased}); the endorsements that hold must come from a majority of the
 * channel's peer organisations, and from at least two, counted by pinned CA.
 */
final class TransactionSignatures {

  private TransactionSignatures() {}

  static void check(
      AnchoringTransaction tx, ChannelMembers members, List<EvidenceException> problems) {
    try {
      Member creator =
          members.authenticate(
              tx.creator(), Role.MEMBER, tx.proposedAt(), ANCHOR_CREATOR_SIGNATURE_INVALID);
      if (!EcdsaP256.verify(
          creator.certificate().getPublicKey(),
          tx.envelope().getPayload().toByteArray(),
          tx.envelope().getSignature().toByteArray())) {
        problems.add(
            new EvidenceException(
                ANCHOR_CREATOR_SIGNATURE_INVALID,
                "the creator's signature does not verify over the transaction payload"));
      }
    } catch (EvidenceException e) {
      problems.add(e);
    }
    TreeSet<String> endorsedBy = new TreeSet<>();
    for (Endorsement e : tx.endorsements()) {
      try {
        Member peer =
            members.authenticate(
                e.getEndorser().toByteArray(),
                Role.PEER,
                tx.proposedAt(),
                ANCHOR_ENDORSER_UNTRUSTED);
        byte[] signed =
            FabricBlocks.concat(tx.proposalResponsePayload(), e.getEndorser().toByteArray());
        if (EcdsaP256.verify(
            peer.certificate().getPublicKey(), signed, e.getSignature().toByteArray())) {
          endorsedBy.add(peer.organisationId());
        } else {
          problems.add(
              new EvidenceException(
                  ANCHOR_ENDORSEMENT_SIGNATURE_INVALID,
                  "the endorsement of "
                      + peer.mspId()
                      + " does not verify over the proposal response payload and endorser"));
        }
      } catch (EvidenceException untrusted) {
        problems.add(untrusted);
      }
    }
    int organisations = members.peerOrganisations();
    int required = Math.max(2, organisations / 2 + 1);
    if (endorsedBy.size() < required) {
      problems.add(
          new EvidenceException(
              ANCHOR_ENDORSEMENTS_INSUFFICIENT,
              "valid endorsements from "
                  + endorsedBy.size()
                  + " organisation(s) "
                  + endorsedBy
                  + "; a majority of the channel's "
                  + organisations
                  + " peer organisations, at least 2, is required"));
    }
  }
}
