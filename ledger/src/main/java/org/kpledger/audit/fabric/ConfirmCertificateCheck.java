package org.kpledger.audit.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.kpledger.audit.Rule;
import org.kpledger.certificate.CertificateConfirmedOnChannelEvent;

/**
 * Checks that a transaction is the confirmation an event records: it invokes the {@code kpledger}
 * chaincode's {@code CertificateRegistry:ConfirmCertificate} with the event's certificate number
 * and content hash, the chaincode answered 200 and emitted its {@code CertificateConfirmed} event
 * for that number, hash and transaction, and the event's channel and confirming MSP are the
 * transaction's channel and its creator's MSP.
 */
final class ConfirmCertificateCheck {

  /** The transaction function as the Gateway names it: contract, colon, function. */
  static final String FUNCTION = "CertificateRegistry:ConfirmCertificate";

  /** The chaincode event the registry emits for a confirmed receipt. */
  static final String CONFIRMED = "CertificateConfirmed";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ConfirmCertificateCheck() {}

  /**
   * Checks the transaction against the event.
   *
   * @throws EvidenceException {@code CHANNEL_TX_MISMATCH} saying everything that differs
   */
  static void check(EndorserTransaction tx, CertificateConfirmedOnChannelEvent event)
      throws EvidenceException {
    List<String> differ = new ArrayList<>();
    String chaincode = tx.invocation().getChaincodeSpec().getChaincodeId().getName();
    List<String> args =
        tx.invocation().getChaincodeSpec().getInput().getArgsList().stream()
            .map(a -> a.toString(UTF_8))
            .toList();
    List<String> expected = List.of(FUNCTION, event.certificateNumber(), event.contentHash());
    if (!AppendHeadCheck.CHAINCODE.equals(chaincode) || !expected.equals(args)) {
      differ.add(
          "the transaction invokes "
              + chaincode
              + " "
              + args
              + ", not "
              + AppendHeadCheck.CHAINCODE
              + " "
              + expected);
    }
    if (tx.result().getResponse().getStatus() != 200
        || !AppendHeadCheck.CHAINCODE.equals(tx.result().getChaincodeId().getName())) {
      differ.add("the transaction was not answered 200 by " + AppendHeadCheck.CHAINCODE);
    }
    String channel = tx.header().getChannelId();
    if (!channel.equals(event.channel())) {
      differ.add("channel is '" + event.channel() + "', the transaction's is '" + channel + "'");
    }
    String creatorMsp = creatorMsp(tx);
    if (!creatorMsp.equals(event.confirmingMsp())) {
      differ.add(
          "confirmingMsp is '"
              + event.confirmingMsp()
              + "', the transaction's creator is of '"
              + creatorMsp
              + "'");
    }
    registryEvent(tx, event, differ);
    if (!differ.isEmpty()) {
      throw new EvidenceException(Rule.CHANNEL_TX_MISMATCH, String.join("; ", differ));
    }
  }

  /** The chaincode event the transaction emitted, against the recorded event. */
  private static void registryEvent(
      EndorserTransaction tx, CertificateConfirmedOnChannelEvent event, List<String> differ) {
    ChaincodeEvent emitted;
    JsonNode record;
    try {
      emitted = ChaincodeEvent.parseFrom(tx.result().getEvents());
      record = JSON.readTree(emitted.getPayload().toString(UTF_8));
    } catch (InvalidProtocolBufferException
        | com.fasterxml.jackson.core.JsonProcessingException e) {
      differ.add("the transaction's chaincode event cannot be read: " + e.getMessage());
      return;
    }
    if (!CONFIRMED.equals(emitted.getEventName())
        || !tx.header().getTxId().equals(emitted.getTxId())) {
      differ.add("the transaction emitted '" + emitted.getEventName() + "', not " + CONFIRMED);
      return;
    }
    if (!event.certificateNumber().equals(record.path("number").asText())
        || !event.contentHash().equals(record.path("contentHash").asText())
        || !event.confirmingMsp().equals(record.path("confirmedByMsp").asText())
        || !tx.header().getTxId().equals(record.path("confirmedTxId").asText())
        || !"CONFIRMED".equals(record.path("status").asText())) {
      differ.add("the registry's record of the confirmation says otherwise: " + record);
    }
  }

  private static String creatorMsp(EndorserTransaction tx) {
    try {
      return SerializedIdentity.parseFrom(tx.creator()).getMspid();
    } catch (InvalidProtocolBufferException e) {
      return "(unreadable)";
    }
  }
}
