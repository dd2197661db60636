package org.kpledger.audit.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPRole.MSPRoleType;
import org.hyperledger.fabric.protos.common.Policy;
import org.junit.jupiter.api.Test;
import org.kpledger.audit.fabric.EndorsementPolicy.Signer;

/**
 * The evaluation of channel policies as Fabric's {@code cauthdsl} and {@code implicitmeta} evaluate
 * them, on policies built as {@code configtxgen} writes them (the captured channel's are in {@link
 * FabricAnchorEvidenceTest}).
 */
class EndorsementPolicyTest {

  private static final Signer CAR_PEER = peer("CarKpMSP");
  private static final Signer MT_PEER = peer("KpMonitoringMSP");
  private static final Signer BE_PEER = peer("BeImportMSP");
  private static final Signer BE_CLIENT =
      new Signer("BeImportMSP", Set.of(MSPRoleType.MEMBER, MSPRoleType.CLIENT));

  private static Signer peer(String msp) {
    return new Signer(msp, Set.of(MSPRoleType.MEMBER, MSPRoleType.PEER));
  }

  private static ConfigGroup group(Policy endorsement) {
    return ConfigGroup.newBuilder()
        .putPolicies("Endorsement", ConfigPolicy.newBuilder().setPolicy(endorsement).build())
        .build();
  }

  private static EndorsementPolicy twoOfThreePeers() {
    return EndorsementPolicy.of(
        group(
            TamperedBlocks.outOf(
                2, MSPRoleType.PEER, "CarKpMSP", "KpMonitoringMSP", "BeImportMSP")),
        "/Channel/Application",
        "Endorsement");
  }

  /** The four organisations of the channel, each with its own OR('X.peer'). */
  private static EndorsementPolicy implicit(ImplicitMetaPolicy.Rule rule) {
    ConfigGroup.Builder application = group(TamperedBlocks.implicitMeta(rule)).toBuilder();
    for (String msp : List.of("CarKpMSP", "KpMonitoringMSP", "BeImportMSP", "AeImportMSP")) {
      application.putGroups(msp, group(TamperedBlocks.outOf(1, MSPRoleType.PEER, msp)));
    }
    return EndorsementPolicy.of(application.build(), "/Channel/Application", "Endorsement");
  }

  @Test
  void twoOfThreePeerOrganisationsIsSatisfiedByAnyTwoOfThemOnly() {
    assertThat(twoOfThreePeers().satisfiedBy(List.of(CAR_PEER, BE_PEER))).isTrue();
    assertThat(twoOfThreePeers().satisfiedBy(List.of(MT_PEER, BE_PEER))).isTrue();
    assertThat(twoOfThreePeers().satisfiedBy(List.of(CAR_PEER))).isFalse();
    assertThat(twoOfThreePeers().satisfiedBy(List.of(CAR_PEER, peer("AeImportMSP")))).isFalse();
    assertThat(twoOfThreePeers().toString())
        .isEqualTo("OutOf(2, 'CarKpMSP.peer', 'KpMonitoringMSP.peer', 'BeImportMSP.peer')");
  }

  @Test
  void aClientOfAPeerOrganisationIsNotItsPeer() {
    assertThat(twoOfThreePeers().satisfiedBy(List.of(CAR_PEER, BE_CLIENT))).isFalse();
  }

  @Test
  void oneSignerCountsForOnePrincipalOnly() {
    EndorsementPolicy twice =
        EndorsementPolicy.of(
            group(TamperedBlocks.outOf(2, MSPRoleType.PEER, "BeImportMSP", "BeImportMSP")),
            "/Channel/Application",
            "Endorsement");
    assertThat(twice.satisfiedBy(List.of(BE_PEER))).isFalse();
    assertThat(twice.satisfiedBy(List.of(BE_PEER, peer("BeImportMSP")))).isTrue();
  }

  @Test
  void majorityOverFourOrganisationsNeedsThreeAndAnyNeedsOne() {
    assertThat(implicit(ImplicitMetaPolicy.Rule.MAJORITY).satisfiedBy(List.of(CAR_PEER, BE_PEER)))
        .isFalse();
    assertThat(
            implicit(ImplicitMetaPolicy.Rule.MAJORITY)
                .satisfiedBy(List.of(CAR_PEER, MT_PEER, BE_PEER)))
        .isTrue();
    assertThat(implicit(ImplicitMetaPolicy.Rule.ANY).satisfiedBy(List.of(MT_PEER))).isTrue();
    assertThat(
            implicit(ImplicitMetaPolicy.Rule.ALL).satisfiedBy(List.of(CAR_PEER, MT_PEER, BE_PEER)))
        .as("the client-only organisation has no peer to endorse")
        .isFalse();
  }

  @Test
  void aMissingOrUnsupportedPolicyIsNeverSatisfied() {
    EndorsementPolicy missing =
        EndorsementPolicy.of(ConfigGroup.getDefaultInstance(), "/Channel/Application", "X");
    assertThat(missing.satisfiedBy(List.of(CAR_PEER, MT_PEER, BE_PEER))).isFalse();
    assertThat(missing.toString()).contains("no policy /Channel/Application/X");
    EndorsementPolicy msp =
        EndorsementPolicy.of(
            group(Policy.newBuilder().setType(Policy.PolicyType.MSP_VALUE).build()),
            "/Channel/Application",
            "Endorsement");
    assertThat(msp.satisfiedBy(List.of(CAR_PEER, MT_PEER, BE_PEER))).isFalse();
    assertThat(msp.toString()).contains("not supported");
  }
}
