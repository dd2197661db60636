package org.kpledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * The offline verifier on bundles built in memory: a clean log verifies clean, and each defect is
 * named by its rule and subject. Where a history is "rewritten", the test log is built from the
 * altered events, so only the rule under test can fire.
 */
class BundleVerifierTest {
  @TempDir Path dir;
  private final TestLog log = new TestLog();

  private AuditReport verify(Path bundle, Optional<String> previous, TrustAnchors trust)
      throws Exception {
    return new BundleVerifier(
            new BundleVerifier.Options(
                Optional.of(log.verifierKey()), Optional.of(trust), previous, false, 2))
        .verify(bundle);
  }

  private AuditReport verify(Path bundle) throws Exception {
    return verify(bundle, Optional.empty(), log.trust());
  }

  @Test
  void cleanLogVerifiesCleanAsRangeAndWithInclusionProofs() throws Exception {
    for (int i = 0; i < 7; i++) {
      log.event();
    }
    AuditReport range = verify(log.write(dir, true));
    assertThat(range.findings()).isEmpty();
    assertThat(range.summary().events()).isEqualTo(7);
    assertThat(range.summary().checkpoints()).isEqualTo(2);
    assertThat(verify(log.write(dir, false)).findings()).isEmpty();
  }

  @Test
  void v1AndV2LeavesOfOneLogVerifyCleanEachEnvelopeOnce() throws Exception {
    log.event();
    log.event();
    log.v2 = true;
    log.event();
    log.event();
    Path bundle = log.write(dir, true);
    AuditReport report = verify(bundle);
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().envelopes()).isEqualTo(4);
    try (AuditBundle b = AuditBundle.open(bundle)) {
      assertThat(b.manifest().format()).isEqualTo(AuditBundle.FORMAT_V2);
    }
  }

  @Test
  void v2EnvelopeAlteredIsDigestMismatchAndRemovedIsMissing() throws Exception {
    log.v2 = true;
    String altered = log.event();
    String removed = log.event();
    log.event();
    // the first line's envelope edited (its declared digest kept), the second line removed
    Path bundle =
        TestLog.edit(
            log.write(dir, true),
            AuditBundle.ENVELOPES,
            t -> {
              String[] lines = t.replaceFirst("LOT-0", "LOT-9").split("\n");
              return lines[0] + "\n" + lines[2] + "\n";
            });
    AuditReport report = verify(bundle);
    assertThat(report.has(Rule.ENVELOPE_DIGEST_MISMATCH, "event:" + altered)).isTrue();
    assertThat(report.has(Rule.ENVELOPE_MISSING, "event:" + removed)).isTrue();
    assertThat(report.counts())
        .containsOnlyKeys(Rule.ENVELOPE_DIGEST_MISMATCH, Rule.ENVELOPE_MISSING);
  }

  @Test
  void aBundleOrLeafOfAFormatTheVerifierDoesNotKnowIsRefused() throws Exception {
    log.event();
    byte[] line = log.lines.get(0);
    log.lines.set(
        0,
        new String(line, StandardCharsets.UTF_8)
            .replace(LeafEncoder.FORMAT, "kp-ledger/leaf/v3")
            .getBytes(StandardCharsets.UTF_8));
    log.rewriteHistory();
    Path bundle = log.write(dir, true);
    AuditReport report = verify(bundle);
    assertThat(report.has(Rule.BUNDLE_MALFORMED, "event:ev-0")).isTrue();
    // a manifest is read through this constructor: a format it does not know is a problem of the
    // bundle (BUNDLE_MALFORMED), as a v1 verifier reports a v2 manifest
    assertThatThrownBy(
            () ->
                new AuditBundle.Manifest(
                    "o",
                    "k",
                    log.now,
                    TestLog.F.objectNode(),
                    1,
                    Optional.empty(),
                    List.of(),
                    "kp-ledger/audit-bundle/v3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'kp-ledger/audit-bundle/v3'");
  }

  @Test
  void editedEventIsLeafHashMismatch() throws Exception {
    log.event();
    String edited = log.event();
    log.event();
    byte[] line = log.lines.get(1);
    log.lines.set(
        1,
        new String(line, StandardCharsets.UTF_8)
            .replace("1.25", "12.5")
            .getBytes(StandardCharsets.UTF_8));
    AuditReport report = verify(log.write(dir, true));
    assertThat(report.has(Rule.LEAF_HASH_MISMATCH, "event:" + edited)).isTrue();
  }

  @Test
  void signatureOverAnotherPayloadIsInvalidEvenInARewrittenLog() throws Exception {
    log.event();
    String forged = log.event();
    byte[] line = log.lines.get(1);
    log.lines.set(
        1,
        new String(line, StandardCharsets.UTF_8)
            .replace("\\\"carats\\\":1.25", "\\\"carats\\\":9.25")
            .getBytes(StandardCharsets.UTF_8));
    log.rewriteHistory();
    AuditReport report = verify(log.write(dir, true));
    assertThat(report.has(Rule.ENVELOPE_SIGNATURE_INVALID, "event:" + forged)).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.ENVELOPE_SIGNATURE_INVALID);
  }

  @Test
  void certificateRevokedBeforeSigningAndExpiredCertificatesAreNamed() throws Exception {
    String revoked = log.event(log.actor, log.actorKeys, log.now.plus(Duration.ofHours(2)));
    String fine = log.event(log.actor, log.actorKeys, log.now.minus(Duration.ofHours(2)));
    String expired = log.event(log.actor, log.actorKeys, log.now.plus(Duration.ofDays(40)));
    log.crl(
        log.ca.issueRevocationList(
            Map.of(log.actor.getSerialNumber(), log.now.plus(Duration.ofHours(1))),
            log.now.plus(Duration.ofHours(1)),
            log.now.plus(Duration.ofDays(60))),
        1);
    AuditReport report = verify(log.write(dir, true));
    assertThat(report.has(Rule.CERTIFICATE_REVOKED_AT_SIGNING, "event:" + revoked)).isTrue();
    assertThat(report.has(Rule.CERTIFICATE_EXPIRED_AT_SIGNING, "event:" + expired)).isTrue();
    assertThat(report.findings()).noneMatch(f -> f.subject().equals("event:" + fine));
  }

  @Test
  void signerFromAnUnpinnedCaIsNotTrustedAndItsCaIsReported() throws Exception {
    log.event();
    AuditReport report =
        verify(
            log.write(dir, true),
            Optional.empty(),
            TrustAnchors.of(List.of(otherCa().certificate())));
    assertThat(report.has(Rule.CERTIFICATE_NOT_TRUSTED, "event:ev-0")).isTrue();
    assertThat(report.has(Rule.TRUST_ANCHOR_MISMATCH, "organisation:BO-T")).isTrue();
  }

  @Test
  void olderBundleThanTheCheckpointSeenIsARollback() throws Exception {
    for (int i = 0; i < 4; i++) {
      log.event();
    }
    Path old = log.write(dir, true);
    log.event();
    String seen = log.checkpoint(5);
    assertThat(
            verify(old, Optional.of(seen), log.trust())
                .has(Rule.LOG_ROLLED_BACK, "previous-checkpoint:5"))
        .isTrue();
    String earlier = log.checkpoint(2);
    assertThat(verify(log.write(dir, true), Optional.of(earlier), log.trust()).findings())
        .isEmpty();
  }

  @Test
  void compactRangeRebuildsEveryRootFromAnyLeftEdge() {
    MerkleLog reference = new MerkleLog(new InMemoryNodeStore());
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog stored = new MerkleLog(store);
    Random random = new Random(1);
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] leaf = MerkleHash.leafHash(new byte[] {(byte) random.nextInt(), (byte) i});
      leaves.add(leaf);
      reference.append(leaf);
      stored.append(leaf);
    }
    for (int from = 0; from < 300; from += 7) {
      CompactRange range = new CompactRange(from, store.getAll(CompactRange.edgeNodes(from)));
      assertThat(range.root()).isEqualTo(reference.root(from));
      for (int i = from; i < Math.min(300, from + 40); i++) {
        range.append(leaves.get(i));
        assertThat(range.root()).as("from %d to %d", from, i + 1).isEqualTo(reference.root(i + 1));
      }
    }
  }

  private static OrganisationCa otherCa() {
    java.time.Instant now = java.time.Instant.now();
    return OrganisationCa.create(
        "BO-T",
        OrganisationType.BUYING_OFFICE,
        "T",
        now.minus(Duration.ofDays(900)),
        now.plus(Duration.ofDays(900)));
  }
}
