package org.kpledger.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.checkpoint.Checkpoint;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.checkpoint.TreeHead;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.EnvelopeSigner;

/** A small log built in memory, event by event, written as a bundle: the tests' ledger node. */
final class TestLog {
  static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  static final String ORIGIN = "kp-ledger.test/audit";
  final Instant now = Instant.parse("2026-05-23T10:00:00Z");
  final OrganisationCa ca =
      OrganisationCa.create(
          "BO-T",
          OrganisationType.BUYING_OFFICE,
          "T",
          now.minus(Duration.ofDays(90)),
          now.plus(Duration.ofDays(900)));
  final KeyPair actorKeys = EcdsaP256.generateKeyPair();
  final X509Certificate actor =
      ca.issueActorCertificate(
          "buyer-t",
          Role.BUYER,
          actorKeys.getPublic(),
          now.minus(Duration.ofDays(30)),
          now.plus(Duration.ofDays(30)));
  final EcdsaP256TreeHeadSigner logKey = EcdsaP256TreeHeadSigner.withNewKey();
  final List<byte[]> lines = new ArrayList<>();
  final List<AuditBundle.RevocationList> crls = new ArrayList<>();

  /** Whether new events carry their envelope's digest (leaf format v2) instead of the envelope. */
  boolean v2;

  /** The envelopes of the v2 events, as the bundle's envelopes.jsonl lines hold them. */
  final List<String> envelopes = new ArrayList<>();

  /** CA certificates the bundle carries besides {@link #ca}'s (e.g. after a rollover). */
  final List<X509Certificate> moreCas = new ArrayList<>();

  MerkleLog log = new MerkleLog(new InMemoryNodeStore());

  String verifierKey() {
    return new CheckpointVerifier(ORIGIN, logKey.publicKey()).verifierKey();
  }

  TrustAnchors trust() {
    return TrustAnchors.of(List.of(ca.certificate()));
  }

  /** Appends one event signed by {@code actor} at {@code issuedAt}; returns its id. */
  String event(X509Certificate cert, KeyPair keys, Instant issuedAt) {
    int i = lines.size();
    String commandId = "cmd-" + i;
    ObjectNode payload = F.objectNode().put("lotId", "LOT-" + i).put("carats", 1.25);
    String envelope =
        EnvelopeSigner.sign("RecordPurchase", commandId, issuedAt, payload, cert, keys.getPrivate())
            .toJson();
    ObjectNode leaf = F.objectNode();
    leaf.put("format", v2 ? LeafEncoder.FORMAT_V2 : LeafEncoder.FORMAT).put("eventId", "ev-" + i);
    leaf.put("aggregateType", "Parcel").put("aggregateId", "LOT-" + i).put("sequenceNumber", 0);
    leaf.put("timestamp", "2026-05-23T10:00:00.000Z");
    leaf.put("payloadType", "org.kpledger.parcel.LotPurchasedEvent").put("payloadRevision", "1");
    leaf.set("payload", payload);
    if (v2) {
      envelopes.add(envelope);
    }
    leaf.set(
        "metaData",
        F.objectNode()
            .put(
                v2 ? LedgerMetaData.ENVELOPE_SHA256 : LedgerMetaData.ENVELOPE,
                v2 ? LedgerMetaData.envelopeSha256(envelope) : envelope)
            .put("commandId", commandId)
            .put("actorId", "buyer-t")
            .put("organisationId", "BO-T")
            .put("organisationType", "BUYING_OFFICE")
            .put("role", "BUYER"));
    lines.add(LeafEncoder.rfc8785(leaf));
    log.append(MerkleHash.leafHash(lines.get(i)));
    return "ev-" + i;
  }

  /** Rebuilds the tree from the current lines, as a node rewriting its history would. */
  void rewriteHistory() {
    log = new MerkleLog(new InMemoryNodeStore());
    lines.forEach(l -> log.append(MerkleHash.leafHash(l)));
  }

  String event() {
    return event(actor, actorKeys, now);
  }

  void crl(X509CRL crl, long number) throws Exception {
    crls.add(new AuditBundle.RevocationList("BO-T", number, "crl-ev", crl.getEncoded()));
  }

  String checkpoint(long size) {
    return Checkpoint.sign(new TreeHead(ORIGIN, size, log.root(size), now), logKey).note();
  }

  /** Writes a bundle of all leaves: a range from 0, or (sparse) with inclusion proofs only. */
  Path write(Path dir, boolean range) throws Exception {
    long n = lines.size();
    Path file = Files.createTempFile(dir, "bundle", ".zip");
    List<AuditBundle.Head> heads = new ArrayList<>();
    List<AuditBundle.Consistency> proofs = new ArrayList<>();
    if (range && n > 2) {
      heads.add(new AuditBundle.Head(2, checkpoint(2), List.of()));
      proofs.add(new AuditBundle.Consistency(2, n, log.consistencyProof(2, n)));
    }
    heads.add(new AuditBundle.Head(n, checkpoint(n), List.of()));
    try (OutputStream out = Files.newOutputStream(file);
        BundleWriter w = new BundleWriter(out)) {
      w.manifest(
          new AuditBundle.Manifest(
              ORIGIN,
              verifierKey(),
              now,
              F.objectNode().put("kind", range ? "range" : "shipment"),
              n,
              range ? Optional.of(new AuditBundle.LeafRange(0, n, List.of())) : Optional.empty(),
              List.of(),
              envelopes.isEmpty() ? AuditBundle.FORMAT : AuditBundle.FORMAT_V2));
      w.checkpoints(heads);
      w.consistency(proofs);
      List<AuditBundle.CaCertificate> cas = new ArrayList<>();
      cas.add(new AuditBundle.CaCertificate("BO-T", ca.certificate().getEncoded()));
      for (X509Certificate more : moreCas) {
        cas.add(new AuditBundle.CaCertificate("BO-T", more.getEncoded()));
      }
      w.certificates(cas);
      w.crls(crls);
      w.beginLeaves();
      for (int i = 0; i < n; i++) {
        w.leaf(new AuditBundle.Leaf(i, "ev-" + i, log.leafHash(i), now));
      }
      w.beginEvents();
      for (byte[] line : lines) {
        w.event(line);
      }
      if (!envelopes.isEmpty()) {
        w.beginEnvelopes();
        for (String envelope : envelopes) {
          w.envelope(envelope);
        }
      }
      w.beginInclusion();
      for (int i = 0; i < n; i++) {
        w.inclusion(new AuditBundle.Inclusion(i, n, log.inclusionProof(i, n)));
      }
    }
    return file;
  }

  /** A copy of a bundle with one entry's text rewritten, as someone editing the zip would. */
  static Path edit(Path bundle, String entry, java.util.function.UnaryOperator<String> change)
      throws java.io.IOException {
    Path copy = Files.createTempFile(bundle.getParent(), "edited", ".zip");
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(bundle.toFile());
        java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
      for (var e = in.entries(); e.hasMoreElements(); ) {
        java.util.zip.ZipEntry z = e.nextElement();
        byte[] bytes;
        try (var s = in.getInputStream(z)) {
          bytes = s.readAllBytes();
        }
        if (z.getName().equals(entry)) {
          bytes =
              change
                  .apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.putNextEntry(new java.util.zip.ZipEntry(z.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return copy;
  }
}
