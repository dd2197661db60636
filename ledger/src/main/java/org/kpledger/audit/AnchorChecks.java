package org.kpledger.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle.Anchor;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.AuditBundle.Head;
import org.kpledger.audit.fabric.FabricAnchorVerifier;
import org.kpledger.audit.fabric.FabricChannel;

/**
 * Checks the anchors of the signed heads: every head that should be anchored on a sink has the
 * sink's evidence in the bundle (the newest head, on each sink the manifest expects or the auditor
 * requires; any head whose anchors name such a sink), and every piece of Fabric evidence holds
 * ({@link FabricAnchorVerifier}).
 */
final class AnchorChecks {

  private final AuditBundle bundle;
  private final Findings findings;
  private final List<String> notes;

  AnchorChecks(AuditBundle bundle, Findings findings, List<String> notes) {
    this.bundle = bundle;
    this.findings = findings;
    this.notes = notes;
  }

  void verify(
      String verifierKey,
      BundleVerifier.Options options,
      FabricChannel channel,
      TreeMap<Long, SignedTreeHead> signed,
      Optional<SignedTreeHead> newest) {
    Set<String> expected = new TreeSet<>(options.requiredAnchors());
    if (bundle.manifest() != null) {
      expected.addAll(bundle.manifest().expectedAnchors());
    }
    Set<String> evidenced = new HashSet<>();
    for (FabricAnchor a : bundle.fabricAnchors()) {
      evidenced.add(a.sink() + "@" + a.treeSize());
    }
    newest.ifPresent(
        head -> {
          for (String sink : expected) {
            if (!evidenced.contains(sink + "@" + head.size())) {
              findings.add(
                  Rule.HEAD_NOT_ANCHORED,
                  "checkpoint:" + head.size(),
                  "the newest head has no evidence of its anchoring on " + sink);
            }
          }
        });
    for (Head h : bundle.heads()) {
      for (Anchor a : h.anchors()) {
        boolean newestHead = newest.isPresent() && newest.get().size() == h.treeSize();
        if (expected.contains(a.sink())
            && !newestHead
            && !evidenced.contains(a.sink() + "@" + h.treeSize())) {
          findings.add(
              Rule.HEAD_NOT_ANCHORED,
              "checkpoint:" + h.treeSize(),
              "the head names its anchor on "
                  + a.sink()
                  + " ("
                  + a.reference()
                  + ") but the bundle has no evidence of it");
        }
      }
    }
    if (bundle.fabricAnchors().isEmpty() || verifierKey == null) {
      return;
    }
    FabricAnchorVerifier.Report report =
        new FabricAnchorVerifier(verifierKey, options.trustAnchors())
            .verify(bundle.fabricAnchors(), channel, signed);
    report.findings().forEach(f -> findings.add(f.rule(), f.subject(), f.detail()));
    notes.addAll(report.notes());
  }
}
