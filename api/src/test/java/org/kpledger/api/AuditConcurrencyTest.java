package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.obj;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.SignedTreeHead;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.ProofVerifier;

/**
 * Commands from many threads while the anchoring processor runs: afterwards the log holds every
 * committed event exactly once, every inclusion proof verifies against the signed head, and the
 * whole log (this node's, shared with the other full-stack tests) passes the verifier clean.
 */
class AuditConcurrencyTest extends LedgerTestBase {
  private static final int THREADS = 8;
  private static final int ZONES_PER_THREAD = 12;

  @Test
  void everyCommittedEventIsExactlyOneLeafAndEveryProofVerifies() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(clients.submit(() -> submitZones(thread)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    clients.shutdown();
    AuditBundles audit = new AuditBundles(port, DATA.resolve("trust"), PKI.get("auditor-1"));
    audit.awaitCheckpoint(eventCount());
    Path bundle = audit.export("from=1970-01-01T00:00:00Z&to=9999-01-01T00:00:00Z");

    try (AuditBundle b = AuditBundle.open(bundle)) {
      List<String> leafEvents = b.leaves().stream().map(AuditBundle.Leaf::eventId).toList();
      List<String> stored =
          jdbc.queryForList("SELECT event_identifier FROM domain_event_entry", String.class);
      assertThat(leafEvents).hasSize(stored.size()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(leafEvents)).isEqualTo(new HashSet<>(stored));
      assertThat(b.leaves().get(b.leaves().size() - 1).leafIndex()).isEqualTo(stored.size() - 1);
      SignedTreeHead newest =
          CheckpointVerifier.fromVerifierKey(audit.verifierKey())
              .verify(b.heads().get(b.heads().size() - 1).checkpoint());
      assertThat(b.inclusion()).hasSize(stored.size());
      for (int i = 0; i < b.leaves().size(); i++) {
        AuditBundle.Inclusion proof = b.inclusion().get(i);
        ProofVerifier.verifyInclusion(
            proof.leafIndex(),
            newest.size(),
            b.leaves().get(i).leafHash(),
            proof.proof(),
            newest.head().rootHash());
      }
    }
    AuditReport report = audit.verify(bundle);
    assertThat(report.findings()).isEmpty();
    AuditReport hashOnly =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.of(audit.verifierKey()),
                    Optional.of(TrustAnchors.loadDirectory(DATA.resolve("trust"))),
                    Optional.empty(),
                    true,
                    2))
            .verify(bundle);
    assertThat(hashOnly.findings()).isEmpty();
  }

  private void submitZones(int thread) {
    for (int i = 0; i < ZONES_PER_THREAD; i++) {
      String zone = "CC-" + thread + "-" + i;
      ok("kp-registrar", "RegisterZone", obj("zoneId", zone, "name", zone, "prefecture", "X"));
      ok(
          "mt-monitor",
          "RecordZoneDecision",
          obj(
              "zoneId",
              zone,
              "status",
              i % 2 == 0 ? "COMPLIANT" : "SUSPENDED",
              "effectiveFrom",
              "2016-05-01",
              "decisionRef",
              "MT-" + zone));
    }
  }
}
