package org.kpledger.audit.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.AuditBundle.FabricAnchor;
import org.kpledger.audit.AuditReport;
import org.kpledger.audit.BundleVerifier;
import org.kpledger.audit.Rule;
import org.kpledger.identity.TrustAnchors;

/**
 * The offline check of Fabric anchoring on blocks captured from the live network (see the
 * resources' README): the untouched evidence verifies clean, and each way of forging or withholding
 * it is named by its rule on the head it concerns. Altering anything inside a block also breaks
 * what covers it (the data hash, or the orderer's signature once the hash is recomputed, and the
 * creator's signature over the transaction): those findings are asserted too, so each test shows
 * the whole verdict.
 */
class FabricAnchorEvidenceTest {

  @TempDir Path dir;
  private final CapturedLedger ledger;

  FabricAnchorEvidenceTest() throws Exception {
    ledger = new CapturedLedger();
  }

  private AuditReport verify(Path bundle, Optional<TrustAnchors> trust, Set<String> required)
      throws Exception {
    AuditReport report =
        new BundleVerifier(
                new BundleVerifier.Options(
                    Optional.of(ledger.verifierKey), trust, Optional.empty(), false, 2, required))
            .verify(bundle);
    System.out.print(report.format());
    return report;
  }

  private AuditReport verify(Path bundle) throws Exception {
    return verify(bundle, Optional.of(CapturedLedger.channelCas()), Set.of("fabric"));
  }

  /** The bundle at size 7 with the head of 7's block changed. */
  private Path withBlockOf7(UnaryOperator<byte[]> change) throws Exception {
    List<FabricAnchor> anchors = new ArrayList<>();
    anchors.add(ledger.anchorOf(3, b -> b));
    anchors.add(ledger.anchorOf(7, change));
    return ledger.write(dir, 7, anchors, ledger.configs);
  }

  private String txOf7() {
    return ledger.anchorOf(7, b -> b).txId();
  }

  @Test
  void capturedAnchoringVerifiesClean() throws Exception {
    AuditReport report = verify(ledger.write(dir, 7, ledger.anchors, ledger.configs));
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().checkpoints()).isEqualTo(2);
  }

  @Test
  void headOfTheAnchoringTransactionChangedByOneByteIsTxAltered() throws Exception {
    AuditReport report =
        verify(withBlockOf7(b -> TamperedBlocks.argument(b, txOf7(), TamperedBlocks::oneRootByte)));
    assertThat(report.has(Rule.ANCHOR_TX_ALTERED, "checkpoint:7")).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_TX_ALTERED,
            Rule.ANCHOR_BLOCK_ALTERED,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void headOfTheAnchoringTransactionRehashedBreaksTheOrdererSignatureInstead() throws Exception {
    AuditReport report =
        verify(
            withBlockOf7(
                b ->
                    TamperedBlocks.rehashed(
                        TamperedBlocks.argument(b, txOf7(), TamperedBlocks::oneRootByte))));
    assertThat(report.has(Rule.ANCHOR_TX_ALTERED, "checkpoint:7")).isTrue();
    assertThat(report.has(Rule.ANCHOR_ORDERER_SIGNATURE_INVALID, "checkpoint:7")).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_TX_ALTERED,
            Rule.ANCHOR_ORDERER_SIGNATURE_INVALID,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void realBlockOfAnotherHeadIsTxAltered() throws Exception {
    FabricAnchor of3 = ledger.anchorOf(3, b -> b);
    FabricAnchor claimedFor7 =
        new FabricAnchor(
            of3.sink(), 7, of3.txId(), of3.blockNumber(), of3.committedAt(), of3.block());
    AuditReport report = verify(ledger.write(dir, 7, List.of(of3, claimedFor7), ledger.configs));
    assertThat(report.has(Rule.ANCHOR_TX_ALTERED, "checkpoint:7")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.ANCHOR_TX_ALTERED);
  }

  @Test
  void endorsementRemovedLeavingOneOrganisationIsInsufficient() throws Exception {
    AuditReport report = verify(withBlockOf7(b -> TamperedBlocks.oneEndorsement(b, txOf7())));
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:7")).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT,
            Rule.ANCHOR_BLOCK_ALTERED,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void endorserCertifiedByACaOutsideTheChannelIsUntrusted() throws Exception {
    AuditReport report = verify(withBlockOf7(b -> TamperedBlocks.endorsedByOutsider(b, txOf7())));
    assertThat(report.has(Rule.ANCHOR_ENDORSER_UNTRUSTED, "checkpoint:7")).isTrue();
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:7")).isTrue();
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_ENDORSER_UNTRUSTED,
            Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT,
            Rule.ANCHOR_BLOCK_ALTERED,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void endorsementsOfTwoOrganisationsThatDoNotSatisfyTheChannelsPolicyAreInsufficient()
      throws Exception {
    // the genesis block, which no orderer signs, asking every peer organisation to endorse
    List<ChannelConfigBlock> allThree =
        ledger.configsWith(
            TamperedBlocks.outOf(
                3, MSPRoleType.PEER, "CarKpMSP", "KpMonitoringMSP", "BeImportMSP"));
    AuditReport report = verify(ledger.write(dir, 7, ledger.anchors, allThree));
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:3")).isTrue();
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:7")).isTrue();
    assertThat(report.findings())
        .allSatisfy(
            f ->
                assertThat(f.detail()).contains("do not satisfy the channel's endorsement policy"));
    assertThat(report.counts()).containsOnlyKeys(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT);
  }

  @Test
  void aMajorityOfAllFourApplicationOrganisationsIsNotWhatTwoPeerOrganisationsGive()
      throws Exception {
    // MAJORITY Endorsement counts the client-only AeImportMSP: three of four
    List<ChannelConfigBlock> majority =
        ledger.configsWith(TamperedBlocks.implicitMeta(ImplicitMetaPolicy.Rule.MAJORITY));
    AuditReport report = verify(ledger.write(dir, 7, ledger.anchors, majority));
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:7")).isTrue();
    assertThat(report.findings())
        .allSatisfy(f -> assertThat(f.detail()).contains("MAJORITY Endorsement"));
    assertThat(report.counts()).containsOnlyKeys(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT);
    AuditReport any =
        verify(
            ledger.write(
                dir,
                7,
                ledger.anchors,
                ledger.configsWith(TamperedBlocks.implicitMeta(ImplicitMetaPolicy.Rule.ANY))));
    assertThat(any.findings()).as("ANY Endorsement: one peer organisation is enough").isEmpty();
  }

  @Test
  void aPolicyOneOrganisationSatisfiesStillMeetsTheAuditorsFloorOfTwo() throws Exception {
    List<ChannelConfigBlock> one =
        ledger.configsWith(
            TamperedBlocks.outOf(
                1, MSPRoleType.PEER, "CarKpMSP", "KpMonitoringMSP", "BeImportMSP"));
    AuditReport report =
        verify(
            ledger.write(
                dir,
                7,
                List.of(
                    ledger.anchorOf(3, b -> b),
                    ledger.anchorOf(
                        7,
                        b -> TamperedBlocks.rehashed(TamperedBlocks.oneEndorsement(b, txOf7())))),
                one));
    assertThat(report.has(Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT, "checkpoint:7")).isTrue();
    assertThat(report.findings())
        .filteredOn(f -> f.rule() == Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT)
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).contains("the auditor requires at least 2"));
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            Rule.ANCHOR_ENDORSEMENTS_INSUFFICIENT,
            Rule.ANCHOR_ORDERER_SIGNATURE_INVALID,
            Rule.ANCHOR_CREATOR_SIGNATURE_INVALID);
  }

  @Test
  void newestHeadNeverAnchoredIsHeadNotAnchored() throws Exception {
    AuditReport report = verify(ledger.write(dir, 12, ledger.anchors, ledger.configs));
    assertThat(report.has(Rule.HEAD_NOT_ANCHORED, "checkpoint:12")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.HEAD_NOT_ANCHORED);
  }

  @Test
  void headClaimingAFabricAnchorWithoutItsEvidenceIsHeadNotAnchored() throws Exception {
    Path bundle =
        ledger.write(
            dir,
            7,
            List.of(ledger.anchorOf(7, b -> b)),
            ledger.configs,
            List.of("fabric"),
            ledger.anchors);
    AuditReport report = verify(bundle);
    assertThat(report.has(Rule.HEAD_NOT_ANCHORED, "checkpoint:3")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.HEAD_NOT_ANCHORED);
  }

  @Test
  void ordererSignatureAlteredIsInvalid() throws Exception {
    AuditReport report = verify(withBlockOf7(TamperedBlocks::ordererSignatureFlipped));
    assertThat(report.has(Rule.ANCHOR_ORDERER_SIGNATURE_INVALID, "checkpoint:7")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.ANCHOR_ORDERER_SIGNATURE_INVALID);
  }

  @Test
  void transactionThePeersMarkedInvalidIsTxInvalid() throws Exception {
    // 11 = MVCC_READ_CONFLICT; the validation flags are the peers' and no signature covers them
    AuditReport report = verify(withBlockOf7(b -> TamperedBlocks.validationCodes(b, (byte) 11)));
    assertThat(report.has(Rule.ANCHOR_TX_INVALID, "checkpoint:7")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.ANCHOR_TX_INVALID);
  }

  @Test
  void ordererCaNotPinnedLeavesTheBlockSignerUntrusted() throws Exception {
    List<java.security.cert.X509Certificate> peersOnly =
        CapturedLedger.channelCas().anchors().stream()
            .filter(a -> !a.organisationId().equals("KP-ORDERER"))
            .map(TrustAnchors.Anchor::certificate)
            .toList();
    AuditReport report =
        verify(
            ledger.write(dir, 7, ledger.anchors, ledger.configs),
            Optional.of(TrustAnchors.of(peersOnly)),
            Set.of("fabric"));
    assertThat(report.has(Rule.CHANNEL_CA_NOT_PINNED, "msp:KpOrdererMSP")).isTrue();
    assertThat(report.has(Rule.ANCHOR_ORDERER_UNTRUSTED, "checkpoint:3")).isTrue();
    assertThat(report.has(Rule.ANCHOR_ORDERER_UNTRUSTED, "checkpoint:7")).isTrue();
    assertThat(report.counts())
        .containsOnlyKeys(Rule.CHANNEL_CA_NOT_PINNED, Rule.ANCHOR_ORDERER_UNTRUSTED);
  }

  @Test
  void channelConfigurationWithheldIsMissing() throws Exception {
    AuditReport report = verify(ledger.write(dir, 7, ledger.anchors, List.of()));
    assertThat(report.has(Rule.CHANNEL_CONFIG_MISSING, "checkpoint:3")).isTrue();
    assertThat(report.has(Rule.CHANNEL_CONFIG_MISSING, "checkpoint:7")).isTrue();
    assertThat(report.counts()).containsOnlyKeys(Rule.CHANNEL_CONFIG_MISSING);
  }

  @Test
  void evidenceDroppedWithTheManifestsExpectationIsCaughtByTheAuditorsRequirement()
      throws Exception {
    Path bundle = ledger.write(dir, 7, List.of(), List.of(), List.of());
    AuditReport trusting = verify(bundle, Optional.of(CapturedLedger.channelCas()), Set.of());
    assertThat(trusting.findings()).isEmpty();
    AuditReport requiring = verify(bundle);
    assertThat(requiring.has(Rule.HEAD_NOT_ANCHORED, "checkpoint:7")).isTrue();
    assertThat(requiring.counts()).containsOnlyKeys(Rule.HEAD_NOT_ANCHORED);
  }

  @Test
  void withoutPinnedCasTheChannelsOwnAreUsedAndSaidSo() throws Exception {
    AuditReport report =
        verify(ledger.write(dir, 7, ledger.anchors, ledger.configs), Optional.empty(), Set.of());
    assertThat(report.findings()).isEmpty();
    assertThat(report.notes()).anyMatch(n -> n.contains("Fabric channel's CAs were taken"));
  }
}
