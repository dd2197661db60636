package org.kpledger.audit.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.audit.BundleWriter;
import org.kpledger.audit.Rule;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.Pem;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * The offline check of an event the node recorded from the Fabric channel, on a real confirmation
 * captured from the live network ({@code channel-confirmation.jsonl}: Belgium's importing authority
 * confirming a certificate, see the resources' README): the event as a node records it, with the
 * confirming block in its metadata, verifies clean in a bundle; an event that says otherwise than
 * its transaction, a transaction re-attributed to an organisation that is no importing authority,
 * an endorsement removed, the evidence or the channel's configuration withheld are each named by
 * their rule on the event. The log here is made by the test over the event as given (as a node
 * would have logged a false event), so what fails is the evidence, never the leaf hash.
 */
class ChannelConfirmationEvidenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final CapturedLedger ledger = new CapturedLedger();
  private final ObjectNode confirmation;
  private final String txId;

  ChannelConfirmationEvidenceTest() throws Exception {
    confirmation =
        (ObjectNode)
            JSON.readTree(
                Files.readString(CapturedLedger.DIR.resolve("channel-confirmation.jsonl")).trim());
    txId = confirmation.path("payload").path("txId").asText();
  }

  private AuditReport verify(Path bundle) throws Exception {
    AuditReport report =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.empty(),
                    Optional.of(CapturedLedger.channelCas()),
                    Optional.empty(),
                    false,
                    2))
            .verify(bundle);
    System.out.print(report.format());
    return report;
  }

  /** The confirmation event with its payload or metadata changed. */
  private ObjectNode event(UnaryOperator<ObjectNode> payload, UnaryOperator<ObjectNode> meta) {
    ObjectNode e = confirmation.deepCopy();
    e.set("payload", payload.apply((ObjectNode) e.get("payload")));
    e.set("metaData", meta.apply((ObjectNode) e.get("metaData")));
    return e;
  }

  /** The confirmation event with its block changed. */
  private ObjectNode withBlock(UnaryOperator<byte[]> change) {
    return event(
        p -> p,
        m -> {
          byte[] block = Base64.getDecoder().decode(m.path(LedgerMetaData.FABRIC_BLOCK).asText());
          return m.put(
              LedgerMetaData.FABRIC_BLOCK, Base64.getEncoder().encodeToString(change.apply(block)));
        });
  }

  private String subject() {
    return "event:" + confirmation.path("eventId").asText();
  }

  @Test
  void capturedConfirmationVerifiesClean() throws Exception {
    AuditReport report = verify(bundle(List.of(confirmation), ledger.configs));
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().events()).isEqualTo(1);
  }

  @Test
  void anotherCertificateNumberThanTheTransactionConfirmedIsTxMismatch() throws Exception {
    ObjectNode e =
        event(p -> p.put("certificateNumber", p.path("certificateNumber").asText() + "9"), m -> m);
    AuditReport report = verify(bundle(List.of(e), ledger.configs));
    assertThat(report.has(Rule.CHANNEL_TX_MISMATCH, subject())).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_TX_MISMATCH);
  }

  @Test
  void anotherContentHashThanTheTransactionConfirmedIsTxMismatch() throws Exception {
    ObjectNode e = event(p -> p.put("contentHash", "0".repeat(64)), m -> m);
    AuditReport report = verify(bundle(List.of(e), ledger.configs));
    assertThat(report.has(Rule.CHANNEL_TX_MISMATCH, subject())).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_TX_MISMATCH);
  }

  @Test
  void anotherBlockNumberOrConfirmingMspThanTheTransactionsIsTxMismatch() throws Exception {
    ObjectNode e =
        event(
            p ->
                p.put("blockNumber", p.path("blockNumber").asLong() + 1)
                    .put("confirmingMsp", "AeImportMSP"),
            m -> m);
    AuditReport report = verify(bundle(List.of(e), ledger.configs));
    assertThat(report.findings())
        .filteredOn(f -> f.rule() == Rule.CHANNEL_TX_MISMATCH)
        .extracting(f -> f.detail())
        .anySatisfy(d -> assertThat(d).contains("blockNumber"))
        .anySatisfy(d -> assertThat(d).contains("confirmingMsp is 'AeImportMSP'"));
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_TX_MISMATCH);
  }

  @Test
  void confirmationReattributedToANonImportingOrganisationIsNamed() throws Exception {
    // the anchoring transactions' creator: a real client of the CAR KP authority
    AuditBundle.FabricAnchor anchor = ledger.anchors.get(0);
    ObjectNode e =
        event(
            p -> p.put("confirmingMsp", "CarKpMSP"),
            m ->
                m.put(
                    LedgerMetaData.FABRIC_BLOCK,
                    Base64.getEncoder()
                        .encodeToString(
                            TamperedBlocks.rehashed(
                                TamperedBlocks.creator(
                                    Base64.getDecoder()
                                        .decode(m.path(LedgerMetaData.FABRIC_BLOCK).asText()),
                                    txId,
                                    TamperedBlocks.creatorOf(anchor.block(), anchor.txId()))))));
    AuditReport report = verify(bundle(List.of(e), ledger.configs));
    assertThat(report.has(Rule.CHANNEL_CONFIRMER_NOT_IMPORTING_AUTHORITY, subject())).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.CHANNEL_CONFIRMER_NOT_IMPORTING_AUTHORITY,
            Rule.CHANNEL_TX_MISMATCH,
            Rule.ANCHOR_TX_ALTERED,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID,
            Rule.ANCHOR_ORDERER_SIGNATURE_INVALID);
  }

  @Test
  void endorsementRemovedIsInsufficient() throws Exception {
    AuditReport report =
        verify(
            bundle(
                List.of(withBlock(b -> TamperedBlocks.oneEndorsement(b, txId))), ledger.configs));
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, subject())).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT,
            Rule.ANCHOR_BLOCK_ALTERED,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void confirmationWithoutItsBlockIsEvidenceMissing() throws Exception {
    ObjectNode e =
        event(
            p -> p,
            m -> {
              m.remove(LedgerMetaData.FABRIC_BLOCK);
              return m;
            });
    AuditReport report = verify(bundle(List.of(e), ledger.configs));
    assertThat(report.has(Rule.CHANNEL_EVIDENCE_MISSING, subject())).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_EVIDENCE_MISSING);
  }

  @Test
  void channelConfigurationWithheldIsMissing() throws Exception {
    AuditReport report = verify(bundle(List.of(confirmation), List.of()));
    assertThat(report.has(Rule.CHANNEL_CONFIG_MISSING, subject())).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_CONFIG_MISSING);
  }

  @Test
  void anyOtherEventWithoutAnEnvelopeIsEnvelopeMissingEvenWithABlock() throws Exception {
    ObjectNode zone = (ObjectNode) JSON.readTree(ledger.events.get(0));
    ObjectNode meta = (ObjectNode) zone.get("metaData");
    meta.remove(LedgerMetaData.ENVELOPE);
    meta.put(
        LedgerMetaData.FABRIC_BLOCK,
        confirmation.path("metaData").path(LedgerMetaData.FABRIC_BLOCK).asText());
    AuditReport report = verify(bundle(List.of(zone, confirmation), ledger.configs));
    assertThat(report.has(Rule.ENVELOPE_MISSING, "event:" + zone.path("eventId").asText()))
        .isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.ENVELOPE_MISSING);
  }

  /**
   * A range bundle of the given events, logged and signed at their count by a fresh log key, with
   * the channel's configuration blocks as given.
   */
  private Path bundle(List<ObjectNode> events, List<ChannelConfigBlock> channel) throws Exception {
    List<byte[]> lines = new ArrayList<>();
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    for (ObjectNode e : events) {
      byte[] line = LeafEncoder.rfc8785(e);
      lines.add(line);
      log.append(MerkleHash.leafHash(line));
    }
    long size = lines.size();
    Instant now = Instant.parse("2026-12-06T00:00:00Z");
    String origin = "kp-ledger.confirmation-test";
    EcdsaP256TreeHeadSigner key = EcdsaP256TreeHeadSigner.withNewKey();
    String checkpoint =
        Checkpoint.sign(new TreeHead(origin, size, log.root(size), now), key).note();
    Path file = Files.createTempFile(dir, "confirmation", ".zip");
    try (OutputStream out = Files.newOutputStream(file);
        BundleWriter w = new BundleWriter(out)) {
      w.manifest(
          new AuditBundle.Manifest(
              origin,
              new CheckpointVerifier(origin, key.publicKey()).verifierKey(),
              now,
              JsonNodeFactory.instance.objectNode().put("kind", "range"),
              size,
              Optional.of(new AuditBundle.LeafRange(0, size, List.of()))));
      w.checkpoints(List.of(new AuditBundle.Head(size, checkpoint, List.of())));
      w.consistency(List.of());
      w.certificates(
          List.of(
              new AuditBundle.CaCertificate(
                  "CAR-KP",
                  Pem.readCertificate(
                          Files.readString(CapturedLedger.DIR.resolve("trust/CAR-KP.pem")))
                      .getEncoded())));
      w.crls(List.of());
      w.fabricAnchors(List.of());
      w.channelConfigs(channel);
      w.beginLeaves();
      for (int i = 0; i < size; i++) {
        w.leaf(
            new AuditBundle.Leaf(i, events.get(i).path("eventId").asText(), log.leafHash(i), now));
      }
      w.beginEvents();
      for (byte[] line : lines) {
        w.event(line);
      }
    }
    return file;
  }
}
