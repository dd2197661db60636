package org.kpledger.contracts.service;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * The peer's side of the chaincode protocol, enough to drive a chaincode service the way a peer's
 * ccaas connection does: it dials the chaincode server, answers REGISTER with REGISTERED and READY,
 * sends TRANSACTION messages carrying a proposal (creator, transaction id, timestamp) and serves
 * GET_STATE, PUT_STATE and range queries from an in-memory world state. Writes of a transaction are
 * applied only when it completes with status 200, as a commit would.
 */
final class FakePeer implements AutoCloseable {

  static final String CHANNEL = "kp-channel";

  /** What a transaction returned: the chaincode's response, event and write set. */
  record Result(Response response, ChaincodeEvent event, Map<String, ByteString> writes) {
    int status() {
      return response.getStatus();
    }

    String payload() {
      return response.getPayload().toStringUtf8();
    }
  }

  private final ManagedChannel channel;
  private final BlockingQueue<ChaincodeMessage> inbox = new LinkedBlockingQueue<>();
  private final StreamObserver<ChaincodeMessage> outbox;
  private final TreeMap<String, ByteString> state = new TreeMap<>();

  FakePeer(int port) throws InterruptedException {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    outbox =
        ChaincodeGrpc.newStub(channel)
            .connect(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ChaincodeMessage message) {
                    inbox.add(message);
                  }

                  @Override
                  public void onError(Throwable t) {
                    inbox.add(
                        ChaincodeMessage.newBuilder()
                            .setType(ChaincodeMessage.Type.ERROR)
                            .setPayload(ByteString.copyFromUtf8(String.valueOf(t)))
                            .build());
                  }

                  @Override
                  public void onCompleted() {}
                });
    ChaincodeMessage register = take();
    if (register.getType() != ChaincodeMessage.Type.REGISTER) {
      throw new IllegalStateException("expected REGISTER, got " + register);
    }
    outbox.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
    outbox.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).build());
  }

  /** Runs one transaction and returns when the chaincode has completed it. */
  Result invoke(byte[] creator, String txId, Instant timestamp, String... args) throws Exception {
    ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
    Arrays.stream(args).forEach(a -> input.addArgs(ByteString.copyFromUtf8(a)));
    send(
        ChaincodeMessage.Type.TRANSACTION,
        txId,
        input.build().toByteString(),
        proposal(creator, txId, timestamp));
    Map<String, ByteString> writes = new LinkedHashMap<>();
    while (true) {
      ChaincodeMessage m = take();
      switch (m.getType()) {
        case GET_STATE ->
            reply(
                m,
                state.getOrDefault(GetState.parseFrom(m.getPayload()).getKey(), ByteString.EMPTY));
        case PUT_STATE -> {
          PutState put = PutState.parseFrom(m.getPayload());
          writes.put(put.getKey(), put.getValue());
          reply(m, ByteString.EMPTY);
        }
        case GET_STATE_BY_RANGE -> reply(m, range(GetStateByRange.parseFrom(m.getPayload())));
        case QUERY_STATE_CLOSE -> reply(m, QueryResponse.newBuilder().build().toByteString());
        case COMPLETED -> {
          Response response = Response.parseFrom(m.getPayload());
          if (response.getStatus() == 200) {
            state.putAll(writes);
          }
          return new Result(response, m.getChaincodeEvent(), writes);
        }
        case ERROR ->
            throw new IllegalStateException("chaincode error: " + m.getPayload().toStringUtf8());
        default -> throw new IllegalStateException("unexpected " + m.getType());
      }
    }
  }

  private ByteString range(GetStateByRange query) {
    QueryResponse.Builder response = QueryResponse.newBuilder().setHasMore(false).setId("range");
    state
        .subMap(query.getStartKey(), query.getEndKey())
        .forEach(
            (k, v) ->
                response.addResults(
                    QueryResultBytes.newBuilder()
                        .setResultBytes(
                            KV.newBuilder()
                                .setNamespace("kpledger")
                                .setKey(k)
                                .setValue(v)
                                .build()
                                .toByteString())));
    return response.build().toByteString();
  }

  private static SignedProposal proposal(byte[] creator, String txId, Instant at) {
    ChannelHeader channelHeader =
        ChannelHeader.newBuilder()
            .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
            .setChannelId(CHANNEL)
            .setTxId(txId)
            .setTimestamp(
                Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
            .build();
    SignatureHeader signatureHeader =
        SignatureHeader.newBuilder()
            .setCreator(ByteString.copyFrom(creator))
            .setNonce(ByteString.copyFromUtf8(txId))
            .build();
    Header header =
        Header.newBuilder()
            .setChannelHeader(channelHeader.toByteString())
            .setSignatureHeader(signatureHeader.toByteString())
            .build();
    Proposal proposal = Proposal.newBuilder().setHeader(header.toByteString()).build();
    return SignedProposal.newBuilder().setProposalBytes(proposal.toByteString()).build();
  }

  private void reply(ChaincodeMessage request, ByteString payload) {
    send(ChaincodeMessage.Type.RESPONSE, request.getTxid(), payload, null);
  }

  private void send(
      ChaincodeMessage.Type type, String txId, ByteString payload, SignedProposal proposal) {
    ChaincodeMessage.Builder m =
        ChaincodeMessage.newBuilder()
            .setType(type)
            .setTxid(txId)
            .setChannelId(CHANNEL)
            .setPayload(payload);
    if (proposal != null) {
      m.setProposal(proposal);
    }
    outbox.onNext(m.build());
  }

  private ChaincodeMessage take() throws InterruptedException {
    ChaincodeMessage m = inbox.poll(30, TimeUnit.SECONDS);
    if (m == null) {
      throw new IllegalStateException("the chaincode said nothing for 30 s");
    }
    return m;
  }

  @Override
  public void close() throws InterruptedException {
    outbox.onCompleted();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
