package org.kpledger.contracts.anchor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.kpledger.contracts.Caller;
import org.kpledger.contracts.ContractJson;

/**
 * Anchors a ledger's signed tree heads on the channel and refuses any head that does not extend the
 * anchored history (see the package documentation for the guarantees). Transactions: {@code
 * RegisterLedgerNode}, {@code AppendHead}; queries: {@code GetLatestHead}, {@code GetHeadAtSize},
 * {@code GetHeadHistory}, {@code GetLedgerNode}.
 */
@Contract(name = "Anchor", info = @Info(title = "KP ledger tree-head anchors", version = "0.1.0"))
public final class AnchorContract implements ContractInterface {

  /** The name of the event emitted for each anchored head; its payload is the stored record. */
  public static final String HEAD_ANCHORED_EVENT = "HeadAnchored";

  /**
   * Registers the ledger node that signs a ledger's tree heads, by its certificate. Allowed once
   * per ledger id, to an administrator of an organisation whose CA declares a KP authority, for a
   * node certificate that this CA issued (see {@link NodeCertification}): role {@code LEDGER_NODE},
   * a P-256 key, valid at the transaction's time.
   *
   * @param ctx the transaction context
   * @param ledgerId the ledger's id
   * @param nodeCertificatePem the ledger node's certificate, PEM
   * @param caCertificatePem the certificate of the caller's organisation CA, PEM
   * @return the stored {@link LedgerNode} JSON
   */
  @Transaction(name = "RegisterLedgerNode", intent = Transaction.TYPE.SUBMIT)
  public String registerLedgerNode(
      Context ctx, String ledgerId, String nodeCertificatePem, String caCertificatePem) {
    if (ledgerId == null || !TreeHead.LEDGER_ID.matcher(ledgerId).matches()) {
      throw AnchorRefusal.MALFORMED.refuse("ledgerId must match " + TreeHead.LEDGER_ID.pattern());
    }
    Caller caller = Caller.of(ctx);
    if (!caller.isAdmin() || !caller.isKpAuthority()) {
      throw AnchorRefusal.NOT_KP_AUTHORITY_ADMIN.refuse(
          caller.mspId() + " caller is not an administrator of a KP authority");
    }
    ChaincodeStub stub = ctx.getStub();
    X509Certificate node =
        NodeCertification.certify(
            ctx.getClientIdentity().getX509Certificate(),
            nodeCertificatePem,
            caCertificatePem,
            stub.getTxTimestamp());
    if (read(stub, AnchorKeys.node(ledgerId)).isPresent()) {
      throw AnchorRefusal.LEDGER_ALREADY_REGISTERED.refuse(ledgerId + " already has a node key");
    }
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] certificate;
    try {
      certificate = node.getEncoded();
    } catch (CertificateEncodingException e) {
      throw AnchorRefusal.MALFORMED.refuse("the node certificate cannot be encoded");
    }
    LedgerNode registered =
        new LedgerNode(
            ledgerId,
            base64.encodeToString(node.getPublicKey().getEncoded()),
            base64.encodeToString(certificate),
            caller.mspId(),
            stub.getTxId());
    byte[] bytes = ContractJson.write(registered);
    stub.putState(AnchorKeys.node(ledgerId), bytes);
    return new String(bytes, UTF_8);
  }

  /**
   * Appends a signed tree head with a consistency proof from the latest anchored head.
   *
   * @param ctx the transaction context
   * @param anchorRequest an {@link AnchorRequest} as JSON
   * @return the stored {@link AnchoredHead} JSON (the existing one if this exact head was already
   *     the latest: a retried anchor writes nothing)
   */
  @Transaction(name = "AppendHead", intent = Transaction.TYPE.SUBMIT)
  public String appendHead(Context ctx, String anchorRequest) {
    AnchorRequest request =
        ContractJson.read(anchorRequest, AnchorRequest.class)
            .orElseThrow(() -> AnchorRefusal.MALFORMED.refuse("not an anchor request JSON"));
    request
        .defect()
        .ifPresent(
            d -> {
              throw AnchorRefusal.MALFORMED.refuse(d);
            });
    TreeHead head = request.head();
    ChaincodeStub stub = ctx.getStub();
    LedgerNode node =
        read(stub, AnchorKeys.node(head.ledgerId()))
            .flatMap(b -> ContractJson.read(b, LedgerNode.class))
            .orElseThrow(() -> AnchorRefusal.UNKNOWN_LEDGER.refuse(head.ledgerId()));
    X509Certificate certificate =
        NodeCertification.fromDer(Base64.getDecoder().decode(node.certificate()));
    NodeCertification.requireInForce(certificate, stub.getTxTimestamp());
    PublicKey key = certificate.getPublicKey();
    if (!NodeKeys.verify(key, head.signedBytes(), head.signatureBytes())) {
      throw AnchorRefusal.BAD_SIGNATURE.refuse(
          "not a low-S signature of the checkpoint by the node key of " + head.ledgerId());
    }
    Optional<byte[]> latest = read(stub, AnchorKeys.latest(head.ledgerId()));
    if (latest.isPresent()) {
      AnchoredHead previous = ContractJson.read(latest.get(), AnchoredHead.class).orElseThrow();
      if (HistoryRules.sameHead(previous.head(), head)) {
        return new String(latest.get(), UTF_8);
      }
      HistoryRules.requireExtends(previous.head(), request);
    } else if (request.fromSize() != 0 || !request.consistencyProof().isEmpty()) {
      throw AnchorRefusal.STALE_BASE.refuse(
          "no head is anchored yet: the first head needs fromSize 0 and an empty proof");
    }
    return store(stub, head);
  }

  /**
   * Returns the latest anchored head of a ledger.
   *
   * @param ctx the transaction context
   * @param ledgerId the ledger's id
   * @return the {@link AnchoredHead} JSON
   */
  @Transaction(name = "GetLatestHead", intent = Transaction.TYPE.EVALUATE)
  public String getLatestHead(Context ctx, String ledgerId) {
    return read(ctx.getStub(), AnchorKeys.latest(ledgerId))
        .map(b -> new String(b, UTF_8))
        .orElseThrow(() -> AnchorRefusal.NOT_FOUND.refuse("no head anchored for " + ledgerId));
  }

  /**
   * Returns the head anchored at one size.
   *
   * @param ctx the transaction context
   * @param ledgerId the ledger's id
   * @param size the tree size
   * @return the {@link AnchoredHead} JSON
   */
  @Transaction(name = "GetHeadAtSize", intent = Transaction.TYPE.EVALUATE)
  public String getHeadAtSize(Context ctx, String ledgerId, long size) {
    return read(ctx.getStub(), AnchorKeys.head(ledgerId, size))
        .map(b -> new String(b, UTF_8))
        .orElseThrow(
            () -> AnchorRefusal.NOT_FOUND.refuse("no head of size " + size + " for " + ledgerId));
  }

  /**
   * Returns every anchored head of a ledger, smallest size first.
   *
   * @param ctx the transaction context
   * @param ledgerId the ledger's id
   * @return a JSON array of the stored {@link AnchoredHead} records, byte for byte
   */
  @Transaction(name = "GetHeadHistory", intent = Transaction.TYPE.EVALUATE)
  public String getHeadHistory(Context ctx, String ledgerId) {
    List<String> heads = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> range =
        ctx.getStub().getStateByPartialCompositeKey(AnchorKeys.heads(ledgerId))) {
      range.forEach(kv -> heads.add(kv.getStringValue()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the head history of " + ledgerId, e);
    }
    return "[" + String.join(",", heads) + "]";
  }

  /**
   * Returns the registered ledger node of a ledger.
   *
   * @param ctx the transaction context
   * @param ledgerId the ledger's id
   * @return the {@link LedgerNode} JSON
   */
  @Transaction(name = "GetLedgerNode", intent = Transaction.TYPE.EVALUATE)
  public String getLedgerNode(Context ctx, String ledgerId) {
    return read(ctx.getStub(), AnchorKeys.node(ledgerId))
        .map(b -> new String(b, UTF_8))
        .orElseThrow(() -> AnchorRefusal.UNKNOWN_LEDGER.refuse(String.valueOf(ledgerId)));
  }

  private static String store(ChaincodeStub stub, TreeHead head) {
    AnchoredHead anchored =
        new AnchoredHead(head, stub.getTxId(), stub.getTxTimestamp().toString());
    byte[] bytes = ContractJson.write(anchored);
    stub.putState(AnchorKeys.head(head.ledgerId(), head.size()), bytes);
    stub.putState(AnchorKeys.latest(head.ledgerId()), bytes);
    stub.setEvent(HEAD_ANCHORED_EVENT, bytes);
    return new String(bytes, UTF_8);
  }

  private static Optional<byte[]> read(ChaincodeStub stub, String key) {
    byte[] value = stub.getState(key);
    return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
  }
}
