package org.kpledger.audit.fabric;

import static org.kpledger.audit.Rule.ANCHOR_CREATOR_SIGNATURE_INVALID;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSEMENT_SIGNATURE_INVALID;
import static org.kpledger.audit.Rule.ANCHOR_ENDORSER_UNTRUSTED;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.kpledger.audit.fabric.ChannelMembers.Member;
import org.kpledger.audit.fabric.ChannelMembers.Role;
import org.kpledger.signing.EcdsaP256;

/**
 * The signatures on an endorser transaction: its creator's over the envelope payload ({@code
 * checkSignatureFromCreator}), and each endorser's over proposal response payload and endorser
 * bytes, as Fabric's endorsement policy evaluation builds them ({@code
 * core/common/validation/statebased}). The peers whose endorsements hold, each identity once
 * ({@code SignatureSetToValidIdentities}), must satisfy the channel's endorsement policy from the
 * configuration in force ({@link EndorsementPolicy}), and, the auditor's own floor whatever that
 * policy says, come from at least two organisations, counted by pinned CA.
 */
final class TransactionSignatures {

  /** The auditor's floor: endorsing organisations, counted by pinned CA, whatever the policy. */
  static final int MIN_ORGANISATIONS = 2;

  private TransactionSignatures() {}

  /**
   * Checks the creator's and the endorsers' signatures.
   *
   * @param tx the transaction
   * @param members the channel's trusted organisations
   * @param policy the endorsement policy in force
   * @param problems where failures go
   * @return the creator, if it is a member of a trusted organisation (whether or not its signature
   *     holds, which {@code problems} then says)
   */
  static Optional<Member> check(
      EndorserTransaction tx,
      ChannelMembers members,
      EndorsementPolicy policy,
      List<EvidenceException> problems) {
    Optional<Member> creator = Optional.empty();
    try {
      Member member =
          members.authenticate(
              tx.creator(), Role.MEMBER, tx.proposedAt(), ANCHOR_CREATOR_SIGNATURE_INVALID);
      creator = Optional.of(member);
      if (!EcdsaP256.verify(
          member.certificate().getPublicKey(),
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
    List<Member> endorsers = endorsers(tx, members, problems);
    TreeSet<String> organisations = new TreeSet<>();
    endorsers.forEach(m -> organisations.add(m.organisationId()));
    List<EndorsementPolicy.Signer> signers = endorsers.stream().map(Member::signer).toList();
    TreeSet<String> msps = new TreeSet<>();
    endorsers.forEach(m -> msps.add(m.mspId()));
    if (!policy.satisfiedBy(signers)) {
      problems.add(
          new EvidenceException(
              ANCHOR_ENDORSEMENTS_INSUFFICIENT,
              "valid endorsements by peers of "
                  + msps
                  + " do not satisfy the channel's endorsement policy "
                  + policy));
    }
    if (organisations.size() < MIN_ORGANISATIONS) {
      problems.add(
          new EvidenceException(
              ANCHOR_ENDORSEMENTS_INSUFFICIENT,
              "valid endorsements from "
                  + organisations.size()
                  + " organisation(s) "
                  + organisations
                  + "; the auditor requires at least "
                  + MIN_ORGANISATIONS
                  + ", whatever the channel's policy"));
    }
    return creator;
  }

  /** The endorsing peers whose signatures hold, each identity once. */
  private static List<Member> endorsers(
      EndorserTransaction tx, ChannelMembers members, List<EvidenceException> problems) {
    List<Member> valid = new ArrayList<>();
    Set<ByteBuffer> seen = new HashSet<>();
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
        if (!EcdsaP256.verify(
            peer.certificate().getPublicKey(), signed, e.getSignature().toByteArray())) {
          problems.add(
              new EvidenceException(
                  ANCHOR_ENDORSEMENT_SIGNATURE_INVALID,
                  "the endorsement of "
                      + peer.mspId()
                      + " does not verify over the proposal response payload and endorser"));
        } else if (seen.add(ByteBuffer.wrap(e.getEndorser().toByteArray()))) {
          valid.add(peer);
        }
      } catch (EvidenceException untrusted) {
        problems.add(untrusted);
      }
    }
    return valid;
  }
}
