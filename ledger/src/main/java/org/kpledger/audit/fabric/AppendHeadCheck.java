package org.kpledger.audit.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.Rule;
import org.kpledger.signing.EcdsaP256;

/**
 * Checks that a transaction appends one signed head with the {@code kpledger} chaincode's {@code
 * Anchor} contract (format {@code formats/anchor/}): it invokes {@code Anchor:AppendHead} with an
 * anchor request whose head has the log's origin as ledger id, the head's size and root, and a
 * signature by the log key; the chaincode answered 200 and its write set stores that head under the
 * contract's key for it, recorded by this transaction.
 */
final class AppendHeadCheck {

  /** The chaincode that anchors heads on the channel. */
  static final String CHAINCODE = "kpledger";

  /** The transaction function as the Gateway names it: contract, colon, function. */
  static final String FUNCTION = "Anchor:AppendHead";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String origin;
  private final PublicKey logKey;

  AppendHeadCheck(String origin, PublicKey logKey) {
    this.origin = origin;
    this.logKey = logKey;
  }

  /**
   * Checks the transaction against the head.
   *
   * @throws EvidenceException {@code ANCHOR_TX_ALTERED} saying what differs
   */
  void check(EndorserTransaction tx, SignedTreeHead signed) throws EvidenceException {
    String chaincode = tx.invocation().getChaincodeSpec().getChaincodeId().getName();
    List<String> args =
        tx.invocation().getChaincodeSpec().getInput().getArgsList().stream()
            .map(a -> a.toString(UTF_8))
            .toList();
    if (!CHAINCODE.equals(chaincode) || args.size() != 2 || !FUNCTION.equals(args.get(0))) {
      throw altered(
          "invokes "
              + chaincode
              + " "
              + (args.isEmpty() ? "nothing" : args.get(0))
              + ", not "
              + CHAINCODE
              + " "
              + FUNCTION
              + " with one argument");
    }
    JsonNode head = json(args.get(1), "its argument").path("head");
    String problem = headProblem(head, signed);
    if (problem != null) {
      throw altered("appends " + problem);
    }
    if (tx.result().getResponse().getStatus() != 200
        || !CHAINCODE.equals(tx.result().getChaincodeId().getName())) {
      throw altered("was not answered 200 by " + CHAINCODE);
    }
    JsonNode stored = stored(tx, signed.size());
    if (!head.equals(stored.path("head"))
        || !tx.header().getTxId().equals(stored.path("txId").asText())) {
      throw altered("stores another head than it was asked to append");
    }
  }

  /** What in the requested head differs from the signed one, or {@code null}. */
  private String headProblem(JsonNode head, SignedTreeHead signed) {
    String root = Base64.getEncoder().encodeToString(signed.head().rootHash());
    if (!origin.equals(head.path("ledgerId").asText())) {
      return "ledger id '" + head.path("ledgerId").asText() + "', not the log's " + origin;
    }
    if (!head.path("size").isIntegralNumber() || head.path("size").asLong() != signed.size()) {
      return "size " + head.path("size") + ", not " + signed.size();
    }
    if (!root.equals(head.path("rootHash").asText())) {
      return "root " + head.path("rootHash").asText() + ", not the signed " + root;
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(head.path("signature").asText());
    } catch (IllegalArgumentException e) {
      return "a signature that is not base64";
    }
    String text = origin + "\n" + signed.size() + "\n" + root + "\n";
    if (EcdsaP256.verify(logKey, text.getBytes(UTF_8), signature)
        || signedAsTreeHead(head, signed, signature)) {
      return null;
    }
    return "a head whose signature is not the log key's";
  }

  /**
   * Whether the signature is the log's RFC 6962 §3.5 tree head signature at the request's
   * timestamp: the form the checkpoint itself carries, which the contract may take instead of a
   * signature over the checkpoint text (formats/README.md, "pending alignment").
   */
  private boolean signedAsTreeHead(JsonNode head, SignedTreeHead signed, byte[] signature) {
    try {
      long millis = Instant.parse(head.path("timestamp").asText()).toEpochMilli();
      byte[] input =
          ByteBuffer.allocate(18 + 32)
              .put((byte) 0)
              .put((byte) 1)
              .putLong(millis)
              .putLong(signed.size())
              .put(signed.head().rootHash())
              .array();
      return EcdsaP256.verify(logKey, input, signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The value the transaction writes under the contract's key for this head. */
  private JsonNode stored(EndorserTransaction tx, long size) throws EvidenceException {
    String key =
        "\u0000kp.anchor.head\u0000" + origin + "\u0000" + String.format("%019d", size) + "\u0000";
    Optional<KVWrite> write;
    try {
      write = Optional.empty();
      for (NsReadWriteSet ns :
          TxReadWriteSet.parseFrom(tx.result().getResults()).getNsRwsetList()) {
        if (CHAINCODE.equals(ns.getNamespace())) {
          write =
              KVRWSet.parseFrom(ns.getRwset()).getWritesList().stream()
                  .filter(w -> w.getKey().equals(key) && !w.getIsDelete())
                  .findFirst();
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw altered("has a read-write set that cannot be read: " + e.getMessage());
    }
    if (write.isEmpty()) {
      throw altered("does not store the head of size " + size + " (no write of its key)");
    }
    return json(write.get().getValue().toString(UTF_8), "its stored value");
  }

  private static JsonNode json(String text, String what) throws EvidenceException {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw altered("has " + what + " that is not JSON");
    }
  }

  private static EvidenceException altered(String detail) {
    return new EvidenceException(Rule.ANCHOR_TX_ALTERED, "the transaction " + detail);
  }
}
