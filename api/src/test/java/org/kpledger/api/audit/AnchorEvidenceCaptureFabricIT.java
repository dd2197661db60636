package org.kpledger.api.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.audit.fabric.FabricBlocks;
import org.kpledger.certificate.CertificateConfirmedOnChannelEvent;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.EnvelopeSigner;

/**
 * Captures real anchoring evidence from the live network for the ledger's unit tests ({@code
 * ledger/src/test/resources/org/kpledger/audit/fabric/}, see its README): a log of twelve events
 * signed by an actor of the network's CAR KP authority CA, heads signed at sizes 3, 7 and 12 by a
 * fresh log key (thrown away afterwards), the first two appended through the Gateway and their
 * blocks fetched, the channel configuration block they name, the channel's five CA certificates,
 * and a certificate's confirmation by Belgium's importing authority as the event a node records
 * from it ({@code channel-confirmation.jsonl}). Runs only on purpose:
 *
 * <pre>
 * mvn -B -pl api -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=AnchorEvidenceCaptureFabricIT -Dkp.fabric.network=up \
 *   -Dkp.fabric.network.properties=$PWD/network-config/work/network.properties \
 *   -Dkp.capture.dir=$PWD/ledger/src/test/resources/org/kpledger/audit/fabric
 * </pre>
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
@EnabledIfSystemProperty(named = "kp.capture.dir", matches = ".+")
class AnchorEvidenceCaptureFabricIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final String[] MSPS = {
    "CarKpMSP", "KpMonitoringMSP", "BeImportMSP", "AeImportMSP", "KpOrdererMSP"
  };

  @Test
  void capture() throws Exception {
    Path out = Path.of(System.getProperty("kp.capture.dir"));
    Files.createDirectories(out.resolve("trust"));
    Properties net = FabricAnchoring.network();
    Path crypto = Path.of(net.getProperty("CarKpMSP.crypto")).getParent();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String origin = "kp-ledger.capture/" + now.getEpochSecond();

    List<String> events = events(OrganisationCa.load(crypto.resolve("CarKpMSP/ca")), now);
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    events.forEach(e -> log.append(MerkleHash.leafHash(e.getBytes(UTF_8))));
    EcdsaP256TreeHeadSigner key = EcdsaP256TreeHeadSigner.withNewKey();
    List<SignedTreeHead> heads = new ArrayList<>();
    for (long size : new long[] {3, 7, 12}) {
      heads.add(
          Checkpoint.sign(new TreeHead(origin, size, log.root(size), now.plusMillis(size)), key));
    }

    List<String> anchors = new ArrayList<>();
    long config;
    try (FabricAnchoring fabric = FabricAnchoring.connect(FabricAnchoring.networkFile())) {
      fabric.register(origin, key.publicKey());
      AnchorTransaction first = fabric.anchor(heads.get(0), key, 0, List.of());
      AnchorTransaction second = fabric.anchor(heads.get(1), key, 3, log.consistencyProof(3, 7));
      anchors.add(line(first));
      anchors.add(line(second));
      config = FabricBlocks.lastConfigIndex(second.block());
      ObjectNode configLine = JSON.createObjectNode();
      configLine.put("channel", net.getProperty("channel"));
      configLine.put("blockNumber", config);
      configLine.put("block", java.util.Base64.getEncoder().encodeToString(fabric.block(config)));
      Files.writeString(
          out.resolve("fabric-channel.jsonl"), JSON.writeValueAsString(configLine) + "\n");
    }
    Files.writeString(out.resolve("fabric-anchors.jsonl"), String.join("\n", anchors) + "\n");
    Files.writeString(
        out.resolve("channel-confirmation.jsonl"),
        confirmation("CF-CAPTURE-" + now.getEpochSecond(), now) + "\n");
    Files.writeString(out.resolve("events.jsonl"), String.join("\n", events) + "\n");
    Files.writeString(
        out.resolve("log-key.txt"),
        new CheckpointVerifier(origin, key.publicKey()).verifierKey() + "\n");
    List<String> headLines = new ArrayList<>();
    for (SignedTreeHead h : heads) {
      headLines.add(
          JSON.writeValueAsString(
              JSON.createObjectNode().put("treeSize", h.size()).put("checkpoint", h.note())));
    }
    Files.writeString(out.resolve("heads.jsonl"), String.join("\n", headLines) + "\n");
    for (String msp : MSPS) {
      OrganisationCa ca = OrganisationCa.load(crypto.resolve(msp).resolve("ca"));
      Files.writeString(
          out.resolve("trust").resolve(ca.organisationId() + ".pem"),
          Pem.writeCertificate(ca.certificate()));
    }
  }

  /** Twelve leaf objects of zone registrations by one registrar of the network's CAR-KP CA. */
  private static List<String> events(OrganisationCa car, Instant now) {
    KeyPair keys = EcdsaP256.generateKeyPair();
    X509Certificate registrar =
        car.issueActorCertificate(
            "capture-registrar",
            Role.REGISTRAR,
            keys.getPublic(),
            car.certificate().getNotBefore().toInstant(),
            car.certificate().getNotAfter().toInstant());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String commandId = "capture-" + i;
      ObjectNode payload = F.objectNode().put("zoneId", "Z-CAPTURE-" + i).put("name", "Zone " + i);
      String envelope =
          EnvelopeSigner.sign("RegisterZone", commandId, now, payload, registrar, keys.getPrivate())
              .toJson();
      ObjectNode leaf = F.objectNode();
      leaf.put("format", LeafEncoder.FORMAT).put("eventId", "capture-ev-" + i);
      leaf.put("aggregateType", "Zone")
          .put("aggregateId", "Z-CAPTURE-" + i)
          .put("sequenceNumber", 0);
      leaf.put("timestamp", now.toString());
      leaf.put("payloadType", "org.kpledger.zone.ZoneRegisteredEvent").put("payloadRevision", "1");
      leaf.set("payload", payload);
      leaf.set(
          "metaData",
          F.objectNode()
              .put("envelope", envelope)
              .put("commandId", commandId)
              .put("actorId", "capture-registrar")
              .put("organisationId", "CAR-KP")
              .put("organisationType", "KP_AUTHORITY")
              .put("role", "REGISTRAR"));
      lines.add(new String(LeafEncoder.rfc8785(leaf), UTF_8));
    }
    return lines;
  }

  /**
   * A certificate registered by the CAR KP authority's client for Belgium and confirmed by
   * Belgium's importing authority's client, both through the Gateway; the confirming block fetched
   * with {@code qscc GetBlockByNumber}; returned as the leaf of the {@code
   * CertificateConfirmedOnChannelEvent} a node records from it, the block in its metadata.
   */
  private static String confirmation(String number, Instant now) throws Exception {
    String hash =
        HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(number.getBytes(UTF_8)));
    Path file = FabricAnchoring.networkFile();
    try (FabricConnection car =
            FabricConnection.open(FabricAnchoring.settings(file, "CarKpMSP", "client"));
        FabricConnection be =
            FabricConnection.open(FabricAnchoring.settings(file, "BeImportMSP", "client"))) {
      car.contract("CertificateRegistry")
          .submitTransaction("RegisterCertificate", number, hash, "BE");
      SubmittedTransaction tx =
          be.contract("CertificateRegistry")
              .newProposal("ConfirmCertificate")
              .addArguments(number, hash)
              .build()
              .endorse()
              .submitAsync();
      Status status = tx.getStatus();
      if (!status.isSuccessful()) {
        throw new IllegalStateException(
            "ConfirmCertificate " + tx.getTransactionId() + ": " + status);
      }
      byte[] block =
          be.network()
              .getContract("qscc")
              .evaluateTransaction(
                  "GetBlockByNumber",
                  be.settings().channel(),
                  Long.toString(status.getBlockNumber()));
      ObjectNode leaf = F.objectNode();
      leaf.put("format", LeafEncoder.FORMAT).put("eventId", "capture-confirmation");
      leaf.put("aggregateType", "Certificate").put("aggregateId", number).put("sequenceNumber", 1);
      leaf.put("timestamp", now.toString());
      leaf.put("payloadType", CertificateConfirmedOnChannelEvent.class.getName())
          .put("payloadRevision", "1");
      leaf.putObject("payload")
          .put("certificateNumber", number)
          .put("channel", be.settings().channel())
          .put("txId", tx.getTransactionId())
          .put("blockNumber", status.getBlockNumber())
          .put("confirmingMsp", "BeImportMSP")
          .put("contentHash", hash);
      leaf.putObject("metaData")
          .put(LedgerMetaData.RECORDED_AT, now.toString())
          .put(LedgerMetaData.FABRIC_BLOCK, java.util.Base64.getEncoder().encodeToString(block));
      return new String(LeafEncoder.rfc8785(leaf), UTF_8);
    }
  }

  private static String line(AnchorTransaction a) throws Exception {
    return JSON.writeValueAsString(
        JSON.createObjectNode()
            .put("sink", a.sink())
            .put("treeSize", a.treeSize())
            .put("txId", a.txId())
            .put("blockNumber", a.blockNumber())
            .put("committedAt", a.committedAt().toString())
            .put("block", java.util.Base64.getEncoder().encodeToString(a.block())));
  }
}
