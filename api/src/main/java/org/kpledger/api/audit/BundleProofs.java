package org.kpledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.anchoring.AnchoredHead;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.audit.AuditBundle;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.MerkleLog;

/** The proofs and small records of a bundle, computed at one signed tree size. */
final class BundleProofs {

  private final MerkleLog log;
  private final long treeSize;

  BundleProofs(MerkleLog log, long treeSize) {
    this.log = log;
    this.treeSize = treeSize;
  }

  /**
   * Consistency proofs: between consecutive heads, from the end of a leaf range to the newest head,
   * and from the auditor's previous size to the newest head.
   */
  List<AuditBundle.Consistency> consistency(
      List<AnchoredHead> heads, Optional<AuditBundle.LeafRange> range, Long previousSize) {
    List<AuditBundle.Consistency> out = new ArrayList<>();
    for (int i = 1; i < heads.size(); i++) {
      add(out, heads.get(i - 1).head().size(), heads.get(i).head().size());
    }
    range.ifPresent(r -> add(out, r.to(), treeSize));
    if (previousSize != null) {
      add(out, previousSize, treeSize);
    }
    return out;
  }

  AuditBundle.Inclusion inclusion(long leafIndex) {
    return new AuditBundle.Inclusion(leafIndex, treeSize, log.inclusionProof(leafIndex, treeSize));
  }

  private void add(List<AuditBundle.Consistency> out, long from, long to) {
    boolean known = out.stream().anyMatch(c -> c.fromSize() == from && c.toSize() == to);
    if (from > 0 && from < to && to <= treeSize && !known) {
      out.add(new AuditBundle.Consistency(from, to, log.consistencyProof(from, to)));
    }
  }

  /** A head with where it was anchored: the local sink's receipt, and Fabric's transaction. */
  static AuditBundle.Head head(AnchoredHead h, Optional<AnchorTransaction> fabric) {
    List<AuditBundle.Anchor> anchors = new ArrayList<>();
    anchors.add(
        new AuditBundle.Anchor(
            h.receipt().sink(), h.receipt().reference(), h.receipt().anchoredAt()));
    fabric.ifPresent(f -> anchors.add(new AuditBundle.Anchor(f.sink(), f.txId(), f.committedAt())));
    return new AuditBundle.Head(h.head().size(), h.head().note(), anchors);
  }

  static List<AuditBundle.CaCertificate> certificates(TrustAnchors anchors) {
    List<AuditBundle.CaCertificate> out = new ArrayList<>();
    for (TrustAnchors.Anchor a : anchors.anchors()) {
      try {
        out.add(new AuditBundle.CaCertificate(a.organisationId(), a.certificate().getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("CA certificate of " + a.organisationId(), e);
      }
    }
    return out;
  }

  static JsonNode scopeJson(BundleExporter.Scope scope) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (scope.shipmentId() != null) {
      o.put("kind", "shipment");
      o.put("shipmentId", scope.shipmentId());
    } else {
      o.put("kind", "range");
      o.put("from", scope.from().toString());
      o.put("to", scope.to().toString());
    }
    if (scope.previousSize() != null) {
      o.put("previousSize", scope.previousSize());
    }
    return o;
  }
}
