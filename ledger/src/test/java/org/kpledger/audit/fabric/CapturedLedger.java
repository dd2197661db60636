package org.kpledger.audit.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.BundleWriter;
import org.kpledger.identity.Pem;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * The evidence captured from a live network ({@code resources/org/kpledger/audit/fabric}, see its
 * README): twelve events, heads signed at 3, 7 and 12, the real blocks that anchored 3 and 7, the
 * channel configuration block and the channel's CAs. Writes range bundles of it, with the Fabric
 * evidence as given, so a test can hand over altered blocks.
 */
final class CapturedLedger {

  static final Path DIR = resources();
  static final Instant CREATED = Instant.parse("2026-12-06T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  final String verifierKey;
  final String origin;
  final List<byte[]> events = new ArrayList<>();
  final Map<Long, String> checkpoints = new TreeMap<>();
  final List<FabricAnchor> anchors = new ArrayList<>();
  final List<ChannelConfigBlock> configs = new ArrayList<>();
  final MerkleLog log = new MerkleLog(new InMemoryNodeStore());

  CapturedLedger() throws Exception {
    verifierKey = Files.readString(DIR.resolve("log-key.txt")).trim();
    origin = verifierKey.split("\\+", 2)[0];
    for (String line : Files.readAllLines(DIR.resolve("events.jsonl"), UTF_8)) {
      events.add(line.getBytes(UTF_8));
      log.append(MerkleHash.leafHash(line.getBytes(UTF_8)));
    }
    for (JsonNode h : lines("heads.jsonl")) {
      checkpoints.put(h.get("treeSize").asLong(), h.get("checkpoint").asText());
    }
    for (JsonNode a : lines("fabric-anchors.jsonl")) {
      anchors.add(
          new FabricAnchor(
              a.get("sink").asText(),
              a.get("treeSize").asLong(),
              a.get("txId").asText(),
              a.get("blockNumber").asLong(),
              Instant.parse(a.get("committedAt").asText()),
              Base64.getDecoder().decode(a.get("block").asText())));
    }
    for (JsonNode c : lines("fabric-channel.jsonl")) {
      configs.add(
          new ChannelConfigBlock(
              c.get("channel").asText(),
              c.get("blockNumber").asLong(),
              Base64.getDecoder().decode(c.get("block").asText())));
    }
  }

  /**
   * The channel's five CAs (three peer organisations, the client-only one and the orderer's), as an
   * auditor pins them.
   */
  static TrustAnchors channelCas() {
    return TrustAnchors.loadDirectory(DIR.resolve("trust"));
  }

  /** The configuration blocks, their endorsement policy replaced (and data hash recomputed). */
  List<ChannelConfigBlock> configsWith(org.hyperledger.fabric.protos.common.Policy policy) {
    return configs.stream()
        .map(
            c ->
                new ChannelConfigBlock(
                    c.channel(),
                    c.blockNumber(),
                    TamperedBlocks.endorsementPolicy(c.block(), policy)))
        .toList();
  }

  /** The anchor of one head, with its block changed. */
  FabricAnchor anchorOf(long size, UnaryOperator<byte[]> change) {
    FabricAnchor a = anchors.stream().filter(x -> x.treeSize() == size).findFirst().orElseThrow();
    return new FabricAnchor(
        a.sink(),
        a.treeSize(),
        a.txId(),
        a.blockNumber(),
        a.committedAt(),
        change.apply(a.block()));
  }

  /** A range bundle of leaves {@code [0, newest)} that expects its newest head on Fabric. */
  Path write(Path dir, long newest, List<FabricAnchor> fabric, List<ChannelConfigBlock> channel)
      throws Exception {
    return write(dir, newest, fabric, channel, List.of("fabric"));
  }

  Path write(
      Path dir,
      long newest,
      List<FabricAnchor> fabric,
      List<ChannelConfigBlock> channel,
      List<String> expected)
      throws Exception {
    return write(dir, newest, fabric, channel, expected, fabric);
  }

  /**
   * A range bundle whose heads name as their Fabric anchors those of {@code claimed}, while {@code
   * fabric} is the evidence it carries.
   */
  Path write(
      Path dir,
      long newest,
      List<FabricAnchor> fabric,
      List<ChannelConfigBlock> channel,
      List<String> expected,
      List<FabricAnchor> claimed)
      throws Exception {
    Path file = Files.createTempFile(dir, "captured", ".zip");
    List<AuditBundle.Head> heads = new ArrayList<>();
    List<AuditBundle.Consistency> proofs = new ArrayList<>();
    long previous = 0;
    for (Map.Entry<Long, String> c : checkpoints.entrySet()) {
      long size = c.getKey();
      if (size > newest) {
        break;
      }
      List<AuditBundle.Anchor> anchored = new ArrayList<>();
      claimed.stream()
          .filter(a -> a.treeSize() == size)
          .forEach(a -> anchored.add(new AuditBundle.Anchor(a.sink(), a.txId(), a.committedAt())));
      heads.add(new AuditBundle.Head(size, c.getValue(), anchored));
      if (previous > 0) {
        proofs.add(
            new AuditBundle.Consistency(previous, size, log.consistencyProof(previous, size)));
      }
      previous = size;
    }
    try (OutputStream out = Files.newOutputStream(file);
        BundleWriter w = new BundleWriter(out)) {
      w.manifest(
          new AuditBundle.Manifest(
              origin,
              verifierKey,
              CREATED,
              JsonNodeFactory.instance.objectNode().put("kind", "range"),
              newest,
              Optional.of(new AuditBundle.LeafRange(0, newest, List.of())),
              expected));
      w.checkpoints(heads);
      w.consistency(proofs);
      w.certificates(
          List.of(
              new AuditBundle.CaCertificate(
                  "CAR-KP",
                  Pem.readCertificate(Files.readString(DIR.resolve("trust/CAR-KP.pem")))
                      .getEncoded())));
      w.crls(List.of());
      w.fabricAnchors(fabric);
      w.channelConfigs(channel);
      w.beginLeaves();
      for (int i = 0; i < newest; i++) {
        w.leaf(new AuditBundle.Leaf(i, "capture-ev-" + i, log.leafHash(i), CREATED));
      }
      w.beginEvents();
      for (int i = 0; i < newest; i++) {
        w.event(events.get(i));
      }
      w.beginInclusion();
      for (int i = 0; i < newest; i++) {
        w.inclusion(new AuditBundle.Inclusion(i, newest, log.inclusionProof(i, newest)));
      }
    }
    return file;
  }

  private static List<JsonNode> lines(String name) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(name), UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  private static Path resources() {
    try {
      return Path.of(CapturedLedger.class.getResource("log-key.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
