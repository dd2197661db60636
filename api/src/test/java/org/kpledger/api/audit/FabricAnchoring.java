package org.kpledger.api.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHeadSigner;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.api.fabric.anchor.LedgerNodeRegistration;
import org.kpledger.identity.OrganisationCa;

/**
 * Anchors signed heads on the live network as a Fabric sink would, for the tests that need real
 * anchoring blocks: {@code Anchor:AppendHead} through the Gateway as the CAR KP authority's client
 * (endorsed under the channel's MAJORITY policy), then the committed block fetched with {@code qscc
 * GetBlockByTxID}. The anchor request follows {@code formats/anchor/}: the head's signature is the
 * log key's over the checkpoint text. Registering the log key takes the authority's admin.
 */
public final class FabricAnchoring implements AutoCloseable {

  /**
   * The sink name the evidence is kept under, the node's default ({@code kp.audit.fabric-sink}).
   */
  public static final String SINK = "fabric";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FabricConnection client;
  private final FabricConnection admin;
  private final Clock clock = Clock.systemUTC();

  private FabricAnchoring(FabricConnection client, FabricConnection admin) {
    this.client = client;
    this.admin = admin;
  }

  /** Connects to the CAR KP authority's peer of the network a description names. */
  public static FabricAnchoring connect(Path networkProperties) {
    return new FabricAnchoring(
        FabricConnection.open(settings(networkProperties, "client")),
        FabricConnection.open(settings(networkProperties, "admin")));
  }

  /** The settings of a node acting as one of the authority's identities on that network. */
  public static FabricProperties settings(Path networkProperties, String identity) {
    return settings(networkProperties, "CarKpMSP", identity);
  }

  /** The settings of a client acting as one of an organisation's identities on that network. */
  public static FabricProperties settings(Path networkProperties, String msp, String identity) {
    return new FabricProperties(
        true,
        networkProperties,
        msp,
        identity,
        null,
        null,
        null,
        null,
        null,
        "kp-channel",
        "kpledger",
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120));
  }

  /** The network description's file, named by {@code kp.fabric.network.properties}. */
  public static Path networkFile() {
    return Path.of(System.getProperty("kp.fabric.network.properties"));
  }

  /** The network description. */
  public static Properties network() {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(networkFile())) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * Registers a log's key as the node key of its ledger id (once per ledger id on a channel): the
   * KP authority's CA (the network's {@code CarKpMSP/ca}) certifies it as a ledger node and the
   * authority's admin submits the registration.
   */
  public void register(String ledgerId, PublicKey key) throws Exception {
    Path caDir = Path.of(network().getProperty("CarKpMSP.crypto")).resolve("ca");
    OrganisationCa ca = OrganisationCa.load(caDir);
    LedgerNodeRegistration.register(
        admin,
        ledgerId,
        LedgerNodeRegistration.certify(ca, "audit-node", key, Instant.now(), Duration.ofDays(30)),
        ca.certificate());
  }

  /**
   * Appends a head, waits for its commit and fetches its block.
   *
   * @param head the signed head
   * @param key the log's key, which signs the checkpoint text for the contract
   * @param fromSize the size of the last head anchored for this ledger, 0 for the first
   * @param proof the consistency proof from {@code fromSize}
   * @return the anchoring as the Fabric sink keeps it
   */
  public AnchorTransaction anchor(
      SignedTreeHead head, TreeHeadSigner key, long fromSize, List<byte[]> proof) throws Exception {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode request = JSON.createObjectNode();
    request
        .putObject("head")
        .put("ledgerId", head.head().origin())
        .put("size", head.size())
        .put("rootHash", b64.encodeToString(head.head().rootHash()))
        .put("timestamp", head.head().timestamp().toString())
        .put(
            "signature",
            b64.encodeToString(key.sign(Checkpoint.text(head.head()).getBytes(UTF_8))));
    request.put("fromSize", fromSize);
    ArrayNode hashes = request.putArray("consistencyProof");
    proof.forEach(h -> hashes.add(b64.encodeToString(h)));
    SubmittedTransaction submitted =
        client
            .contract("Anchor")
            .newProposal("AppendHead")
            .addArguments(JSON.writeValueAsString(request))
            .build()
            .endorse()
            .submitAsync();
    Status status = submitted.getStatus();
    if (!status.isSuccessful()) {
      throw new IllegalStateException("AppendHead " + status.getTransactionId() + ": " + status);
    }
    String txId = submitted.getTransactionId();
    byte[] block = qscc("GetBlockByTxID", txId);
    return new AnchorTransaction(
        SINK,
        head.head().origin(),
        head.size(),
        head.head().rootHash(),
        txId,
        status.getBlockNumber(),
        clock.instant(),
        block);
  }

  /** A block of the channel by number. */
  public byte[] block(long number) throws Exception {
    return qscc("GetBlockByNumber", Long.toString(number));
  }

  private byte[] qscc(String function, String argument) throws Exception {
    String channel = client.settings().channel();
    return client.network().getContract("qscc").evaluateTransaction(function, channel, argument);
  }

  @Override
  public void close() {
    client.close();
    admin.close();
  }
}
