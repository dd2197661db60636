package org.kpledger.audit.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.kpledger.audit.Finding;
import org.kpledger.audit.Rule;
import org.kpledger.audit.fabric.ChannelMembers.Member;
import org.kpledger.certificate.CertificateConfirmedOnChannelEvent;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationType;

/**
 * Checks, offline, an event the node recorded from the Fabric channel rather than from a signed
 * command: a {@link CertificateConfirmedOnChannelEvent}, whose evidence is the importing
 * authority's own transaction, carried in the event's metadata as the whole block ({@value
 * LedgerMetaData#FABRIC_BLOCK}, base64 {@code common.Block}). The block and transaction go through
 * the checks of every channel transaction ({@link CommittedTransaction}: data hash, {@code VALID},
 * creator's signature, endorsement policy, orderer's signature, against the configuration in force
 * that the bundle carries); the transaction must be the confirmation the event records ({@link
 * ConfirmCertificateCheck}: {@code CertificateRegistry:ConfirmCertificate} with its number and
 * content hash, in the block of its number, by its MSP on its channel); and its creator must be a
 * client or admin of an organisation whose pinned CA is an {@code IMPORTING_AUTHORITY}'s. Every
 * failure is a {@link Finding} on {@code event:<id>}. Thread-safe.
 */
public final class ChannelConfirmationVerifier {

  /** The payload type of the events checked here, as the leaf names it. */
  public static final String EVENT_TYPE = CertificateConfirmedOnChannelEvent.class.getName();

  private final FabricChannel channel;

  /**
   * Creates a verifier.
   *
   * @param channel the channel as the bundle's configuration blocks describe it
   */
  public ChannelConfirmationVerifier(FabricChannel channel) {
    this.channel = channel;
  }

  /**
   * A note for the report when the channel's CAs were not pinned, if any.
   *
   * @return the note, empty when the caller pinned them
   */
  public Optional<String> unpinnedNote() {
    return channel.pinned()
        ? Optional.empty()
        : Optional.of(
            "no trust directory given: the channel confirmations' organisations were taken from"
                + " the configuration block in the bundle, so a forged bundle could bring its own"
                + " channel");
  }

  /**
   * Verifies one event recorded from the channel.
   *
   * @param eventId the event's id
   * @param payload the event's payload as the leaf holds it
   * @param metaData the event's metadata as the leaf holds it
   * @return the failures, empty if the event is what the channel says
   */
  public List<Finding> verify(String eventId, JsonNode payload, JsonNode metaData) {
    String subject = "event:" + eventId;
    List<Finding> findings = new ArrayList<>();
    CertificateConfirmedOnChannelEvent event = event(payload);
    JsonNode carried = metaData == null ? null : metaData.get(LedgerMetaData.FABRIC_BLOCK);
    if (event == null || carried == null || !carried.isTextual()) {
      findings.add(
          new Finding(
              Rule.CHANNEL_EVIDENCE_MISSING,
              subject,
              event == null
                  ? "the payload is not a channel confirmation's"
                  : "metaData has no " + LedgerMetaData.FABRIC_BLOCK + " (the confirming block)"));
      return findings;
    }
    Block block;
    try {
      block = Block.parseFrom(Base64.getDecoder().decode(carried.textValue()));
    } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
      findings.add(
          new Finding(
              Rule.CHANNEL_EVIDENCE_MISSING,
              subject,
              LedgerMetaData.FABRIC_BLOCK + " is not a base64 Fabric block: " + e.getMessage()));
      return findings;
    }
    List<EvidenceException> problems = new ArrayList<>();
    if (block.getHeader().getNumber() != event.blockNumber()) {
      problems.add(
          new EvidenceException(
              Rule.CHANNEL_TX_MISMATCH,
              "blockNumber is "
                  + event.blockNumber()
                  + ", the block carried is number "
                  + block.getHeader().getNumber()));
    }
    CommittedTransaction committed =
        CommittedTransaction.check(
            block,
            event.txId(),
            tx -> ConfirmCertificateCheck.check(tx, event),
            channel.configs(),
            Instant.EPOCH,
            problems);
    committed.creator().ifPresent(creator -> confirmer(creator, problems));
    problems.forEach(p -> findings.add(new Finding(p.rule(), subject, p.getMessage())));
    return findings;
  }

  /** The creator must act for an importing authority: its client or its admin. */
  private static void confirmer(Member creator, List<EvidenceException> problems) {
    boolean acts =
        creator.roles().contains(MSPRoleType.CLIENT) || creator.roles().contains(MSPRoleType.ADMIN);
    if (creator.organisationType() != OrganisationType.IMPORTING_AUTHORITY || !acts) {
      problems.add(
          new EvidenceException(
              Rule.CHANNEL_CONFIRMER_NOT_IMPORTING_AUTHORITY,
              "the confirming transaction's creator '"
                  + creator.certificate().getSubjectX500Principal().getName()
                  + "' of "
                  + creator.mspId()
                  + " ("
                  + creator.organisationId()
                  + ", "
                  + creator.organisationType()
                  + ", roles "
                  + creator.roles()
                  + ") is not a client or admin of an importing authority"));
    }
  }

  private static CertificateConfirmedOnChannelEvent event(JsonNode p) {
    if (p == null
        || !p.path("certificateNumber").isTextual()
        || !p.path("txId").isTextual()
        || !p.path("blockNumber").canConvertToLong()
        || !p.path("blockNumber").isIntegralNumber()) {
      return null;
    }
    return new CertificateConfirmedOnChannelEvent(
        p.path("certificateNumber").asText(),
        p.path("channel").asText(),
        p.path("txId").asText(),
        p.path("blockNumber").asLong(),
        p.path("confirmingMsp").asText(),
        p.path("contentHash").asText());
  }
}
