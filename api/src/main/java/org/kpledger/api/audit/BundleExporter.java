package org.kpledger.api.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.api.envelope.CommandEnvelopes;
import org.kpledger.api.settings.AnchoringProperties;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditBundle.Leaf;
import org.kpledger.audit.BundleWriter;
import org.kpledger.audit.CompactRange;
import org.kpledger.merkle.MerkleLog;
import org.kpledger.merkle.NodeStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds audit bundles from the node's own tables: the leaves ({@code merkle_leaf}), the events as
 * stored, the signed heads the local sink kept, proofs computed from the committed Merkle nodes,
 * the trusted organisation CAs and the CRLs recorded in the ledger, and the Fabric anchoring
 * transactions with their blocks and the channel configuration those blocks and the events recorded
 * from the channel name ({@link FabricEvidence}). Everything is taken at one head ({@link
 * #newest()}): later leaves wait for the next bundle.
 */
final class BundleExporter {

  /** What to export. */
  record Scope(
      Instant from, Instant to, String shipmentId, Long previousSize, boolean inclusionProofs) {}

  private static final int PAGE = 1000;
  private final JdbcTemplate jdbc;
  private final StoredEvents events;
  private final CommandEnvelopes envelopes;
  private final NodeStore nodes;
  private final LocalAnchorSink sink;
  private final TrustRoot trust;
  private final CheckpointVerifier logKey;
  private final AnchoringProperties anchoring;
  private final FabricEvidence fabric;
  private final Clock clock;

  BundleExporter(
      JdbcTemplate jdbc,
      StoredEvents events,
      CommandEnvelopes envelopes,
      NodeStore nodes,
      LocalAnchorSink sink,
      TrustRoot trust,
      CheckpointVerifier logKey,
      AnchoringProperties anchoring,
      FabricEvidence fabric,
      Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.envelopes = envelopes;
    this.nodes = nodes;
    this.sink = sink;
    this.trust = trust;
    this.logKey = logKey;
    this.anchoring = anchoring;
    this.fabric = fabric;
    this.clock = clock;
  }

  /**
   * The head a bundle is taken at: the newest signed head, or, when the node anchors on Fabric, the
   * newest head the Fabric sink anchored (the newest signed head if it anchored none yet, which the
   * verifier then reports as not anchored).
   */
  Optional<AnchoredHead> newest() {
    Optional<AnchoredHead> local = sink.lastAnchored();
    if (local.isEmpty()) {
      return local;
    }
    long newestSize = local.get().head().size();
    return fabric
        .newestAnchoredSize()
        .filter(size -> size <= newestSize)
        .flatMap(
            size -> sink.list(size, 1).stream().filter(h -> h.head().size() == size).findFirst())
        .or(() -> local);
  }

  /** Writes the bundle of a scope, at the newest head. */
  void export(Scope scope, AnchoredHead newest, OutputStream out) throws IOException {
    long n = newest.head().size();
    MerkleLog log = new MerkleLog(nodes);
    List<Leaf> leaves;
    Optional<AuditBundle.LeafRange> range = Optional.empty();
    List<AnchoredHead> heads = new ArrayList<>();
    if (scope.shipmentId() != null) {
      leaves = leavesOf(new ShipmentScope(events).eventIds(scope.shipmentId()), n);
    } else {
      long[] bounds = rangeOf(scope.from(), scope.to(), n);
      leaves = leavesBetween(bounds[0], bounds[1]);
      range =
          Optional.of(
              new AuditBundle.LeafRange(
                  bounds[0], bounds[1], nodes.getAll(CompactRange.edgeNodes(bounds[0]))));
      heads.addAll(headsBetween(bounds[0] + 1, bounds[1]));
    }
    if (heads.isEmpty() || heads.get(heads.size() - 1).head().size() != n) {
      heads.add(newest);
    }
    BundleProofs proofs = new BundleProofs(log, n);
    List<AnchorTransaction> anchored = new ArrayList<>();
    List<AuditBundle.Head> headLines = new ArrayList<>();
    for (AnchoredHead h : heads) {
      Optional<AnchorTransaction> onFabric = fabric.at(h.head().size());
      onFabric.ifPresent(anchored::add);
      headLines.add(BundleProofs.head(h, onFabric));
    }
    try (BundleWriter w = new BundleWriter(out)) {
      AuditBundle.Manifest manifest =
          new AuditBundle.Manifest(
              anchoring.origin(),
              logKey.verifierKey(),
              clock.instant(),
              BundleProofs.scopeJson(scope),
              n,
              range,
              fabric.expectedSinks());
      w.checkpoints(headLines);
      w.consistency(proofs.consistency(heads, range, scope.previousSize()));
      w.certificates(BundleProofs.certificates(trust.anchors()));
      w.crls(events.revocationLists());
      Set<Long> namedByEvents =
          events.channelConfigsNamedBy(leaves.stream().map(Leaf::eventId).toList());
      if (!anchored.isEmpty() || !fabric.expectedSinks().isEmpty() || !namedByEvents.isEmpty()) {
        w.fabricAnchors(FabricEvidence.lines(anchored));
        w.channelConfigs(fabric.configBlocks(anchored, namedByEvents));
      }
      w.beginLeaves();
      for (Leaf l : leaves) {
        w.leaf(l);
      }
      w.beginEvents();
      Set<String> envelopeCommands = new LinkedHashSet<>();
      for (int from = 0; from < leaves.size(); from += PAGE) {
        List<Leaf> page = leaves.subList(from, Math.min(leaves.size(), from + PAGE));
        Map<String, byte[]> bytes =
            events.leafBytes(page.stream().map(Leaf::eventId).toList(), envelopeCommands);
        for (Leaf l : page) {
          byte[] line = bytes.get(l.eventId());
          if (line != null) {
            w.event(line);
          }
        }
      }
      if (!envelopeCommands.isEmpty()) {
        writeEnvelopes(w, List.copyOf(envelopeCommands));
        manifest = manifest.withFormat(AuditBundle.FORMAT_V2);
      }
      if (scope.inclusionProofs() || range.isEmpty()) {
        w.beginInclusion();
        for (Leaf l : leaves) {
          w.inclusion(proofs.inclusion(l.leafIndex()));
        }
      }
      // last, once the events say whether the bundle holds v2 leaves (readers open the zip by name)
      w.manifest(manifest);
    }
  }

  /**
   * Writes {@code envelopes.jsonl}: the envelope of each command whose events are v2 leaves of the
   * bundle, once, in the order the events first name them. A command whose envelope row is gone is
   * left out, and the verifier names its events ({@code ENVELOPE_MISSING}).
   */
  private void writeEnvelopes(BundleWriter w, List<String> commandIds) throws IOException {
    w.beginEnvelopes();
    for (int from = 0; from < commandIds.size(); from += PAGE) {
      List<String> page = commandIds.subList(from, Math.min(commandIds.size(), from + PAGE));
      Map<String, String> found = envelopes.findAll(page);
      for (String commandId : page) {
        String envelope = found.get(commandId);
        if (envelope != null) {
          w.envelope(envelope);
        }
      }
    }
  }

  /** The leaf range {@code [a, b)} of leaves anchored in {@code [from, to)}, below {@code n}. */
  private long[] rangeOf(Instant from, Instant to, long n) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT MIN(leaf_index) AS lo, MAX(leaf_index) AS hi FROM merkle_leaf"
                + " WHERE anchored_at >= ? AND anchored_at < ? AND leaf_index < ?",
            Timestamp.from(from),
            Timestamp.from(to),
            n);
    Object lo = row.get("LO") == null ? row.get("lo") : row.get("LO");
    Object hi = row.get("HI") == null ? row.get("hi") : row.get("HI");
    if (lo == null) {
      return new long[] {0, 0};
    }
    return new long[] {((Number) lo).longValue(), ((Number) hi).longValue() + 1};
  }

  private List<Leaf> leavesBetween(long from, long to) {
    return jdbc.query(
        "SELECT leaf_index, event_id, leaf_hash, anchored_at FROM merkle_leaf"
            + " WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
        (rs, i) -> leaf(rs),
        from,
        to);
  }

  private List<Leaf> leavesOf(Set<String> eventIds, long n) {
    List<Leaf> out = new ArrayList<>();
    // merkle_leaf keeps event ids as UUIDs: an id that is not one is no leaf
    List<UUID> ids =
        eventIds.stream().map(JdbcLeafIndex::eventUuid).flatMap(Optional::stream).toList();
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
      out.addAll(
          jdbc.query(
              "SELECT leaf_index, event_id, leaf_hash, anchored_at FROM merkle_leaf WHERE"
                  + " event_id IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")",
              (rs, i) -> leaf(rs),
              chunk.toArray()));
    }
    out.removeIf(l -> l.leafIndex() >= n);
    out.sort((a, b) -> Long.compare(a.leafIndex(), b.leafIndex()));
    return out;
  }

  private static Leaf leaf(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Leaf(
        rs.getLong(1),
        rs.getObject(2, UUID.class).toString(),
        rs.getBytes(3),
        rs.getObject(4, OffsetDateTime.class).toInstant());
  }

  private List<AnchoredHead> headsBetween(long fromSize, long toSize) {
    List<AnchoredHead> out = new ArrayList<>();
    long next = fromSize;
    while (next <= toSize) {
      List<AnchoredHead> page = sink.list(next, PAGE);
      for (AnchoredHead h : page) {
        if (h.head().size() <= toSize) {
          out.add(h);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      next = page.get(page.size() - 1).head().size() + 1;
    }
    return out;
  }
}
