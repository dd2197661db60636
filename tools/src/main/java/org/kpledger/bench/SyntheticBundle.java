package org.kpledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.BundleWriter;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.EnvelopeSigner;

/**
 * A range bundle of purchase-slip events shaped like the node's (leaf format kp-ledger/leaf/v1, the
 * signed envelope in the metadata), from leaf 0, with a signed head every 1,000 leaves and
 * consistency proofs between them, built without a node so it can be large.
 */
final class SyntheticBundle {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final String ORIGIN = "kp-ledger.bench/car";
  private final OrganisationCa ca;
  private final X509Certificate cert;
  private final KeyPair keys;
  private final EcdsaP256TreeHeadSigner logKey = EcdsaP256TreeHeadSigner.withNewKey();
  private final Instant now = Instant.now();

  SyntheticBundle() {
    ca =
        OrganisationCa.create(
            "BO-BENCH",
            OrganisationType.BUYING_OFFICE,
            "Bench buying office",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)));
    keys = EcdsaP256.generateKeyPair();
    cert =
        ca.issueActorCertificate(
            "bench-buyer",
            Role.BUYER,
            keys.getPublic(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(300)));
  }

  String verifierKey() {
    return new CheckpointVerifier(ORIGIN, logKey.publicKey()).verifierKey();
  }

  TrustAnchors trust() {
    return TrustAnchors.of(List.of(ca.certificate()));
  }

  /**
   * Writes a bundle of {@code events} events whose envelopes cycle through {@code envelopes}
   * distinct signed ones (one per event for a full verification benchmark).
   */
  Path write(int events, int envelopes) throws IOException {
    List<String[]> signed =
        IntStream.range(0, envelopes).parallel().mapToObj(this::envelope).toList();
    Path file = Files.createTempFile("kp-bench-bundle", ".zip");
    file.toFile().deleteOnExit();
    MerkleLog log = new MerkleLog(new InMemoryNodeStore());
    List<AuditBundle.Leaf> leaves = new ArrayList<>(events);
    try (OutputStream out = Files.newOutputStream(file);
        BundleWriter w = new BundleWriter(out)) {
      List<byte[]> lines = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        byte[] line = leaf(i, signed.get(i % envelopes));
        lines.add(line);
        byte[] hash = MerkleHash.leafHash(line);
        log.append(hash);
        leaves.add(new AuditBundle.Leaf(i, "ev-" + i, hash, now));
      }
      List<AuditBundle.Head> heads = new ArrayList<>();
      List<AuditBundle.Consistency> proofs = new ArrayList<>();
      for (long size = 1000; size < events; size += 1000) {
        heads.add(head(log, size));
      }
      heads.add(head(log, events));
      for (int h = 1; h < heads.size(); h++) {
        long from = heads.get(h - 1).treeSize();
        long to = heads.get(h).treeSize();
        proofs.add(new AuditBundle.Consistency(from, to, log.consistencyProof(from, to)));
      }
      w.manifest(
          new AuditBundle.Manifest(
              ORIGIN,
              verifierKey(),
              now,
              F.objectNode().put("kind", "range"),
              events,
              java.util.Optional.of(new AuditBundle.LeafRange(0, events, List.of()))));
      w.checkpoints(heads);
      w.consistency(proofs);
      w.certificates(List.of(new AuditBundle.CaCertificate("BO-BENCH", encoded(ca.certificate()))));
      w.crls(List.of());
      w.beginLeaves();
      for (AuditBundle.Leaf l : leaves) {
        w.leaf(l);
      }
      w.beginEvents();
      for (byte[] line : lines) {
        w.event(line);
      }
    }
    return file;
  }

  private AuditBundle.Head head(MerkleLog log, long size) {
    TreeHead head = new TreeHead(ORIGIN, size, log.root(size), now);
    return new AuditBundle.Head(size, Checkpoint.sign(head, logKey).note(), List.of());
  }

  /** A signed envelope and its command id. */
  private String[] envelope(int i) {
    String commandId = "cmd-" + i + "-" + UUID.randomUUID();
    String json =
        EnvelopeSigner.sign("RecordPurchase", commandId, now, payload(i), cert, keys.getPrivate())
            .toJson();
    return new String[] {json, commandId};
  }

  private static ObjectNode payload(int i) {
    return F.objectNode()
        .put("lotId", "LOT-" + i)
        .put("slipNumber", "SLIP-" + i)
        .put("minerId", "M-" + (i % 1000))
        .put("siteId", "S-" + (i % 300))
        .put("carats", new BigDecimal("12.50"))
        .put("stoneCount", 5)
        .put("priceUsd", new BigDecimal("1000.00"))
        .put("buyerLicence", "EXP-BENCH")
        .put("occurredAt", "2026-01-01T10:00:00Z");
  }

  private byte[] leaf(int i, String[] envelope) {
    ObjectNode leaf = F.objectNode();
    leaf.put("format", LeafEncoder.FORMAT);
    leaf.put("eventId", "ev-" + i);
    leaf.put("aggregateType", "Parcel");
    leaf.put("aggregateId", "LOT-" + i);
    leaf.put("sequenceNumber", 0);
    leaf.put("timestamp", "2026-01-01T10:00:00.000Z");
    leaf.put("payloadType", "org.kpledger.parcel.LotPurchasedEvent");
    leaf.put("payloadRevision", "1");
    leaf.set("payload", payload(i));
    leaf.set(
        "metaData",
        F.objectNode()
            .put("envelope", envelope[0])
            .put("commandId", envelope[1])
            .put("actorId", "bench-buyer")
            .put("organisationId", "BO-BENCH")
            .put("organisationType", "BUYING_OFFICE")
            .put("role", "BUYER")
            .put("recordedAt", now.toString()));
    return LeafEncoder.rfc8785(leaf);
  }

  private static byte[] encoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
