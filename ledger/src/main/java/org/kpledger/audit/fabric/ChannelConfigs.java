package org.kpledger.audit.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.Finding;
import org.kpledger.audit.Rule;
import org.kpledger.identity.TrustAnchors;

/**
 * The bundle's channel configuration blocks, each checked once: readable, its data hashing to its
 * header, naming itself as the configuration in force, and, past the genesis block (which {@code
 * configtxgen} writes and no orderer signs), signed by the ordering organisation it defines. Their
 * organisations become {@link ChannelMembers} once their CAs are found pinned.
 */
final class ChannelConfigs {

  /**
   * A configuration in force and the members it trusts.
   *
   * @param config the configuration
   * @param members its organisations the auditor trusts
   */
  record Channel(ChannelConfig config, ChannelMembers members) {}

  private final Map<Long, Channel> byNumber = new HashMap<>();

  ChannelConfigs(
      List<ChannelConfigBlock> blocks,
      Optional<TrustAnchors> pinned,
      List<Finding> findings,
      List<String> notes) {
    Set<Finding> reported = new LinkedHashSet<>();
    for (ChannelConfigBlock carried : blocks) {
      String subject = "channel-config:" + carried.blockNumber();
      try {
        ChannelConfig config = ChannelConfig.parse(carried.block());
        ChannelMembers members = new ChannelMembers(config, pinned);
        reported.addAll(members.findings());
        check(carried, config, members);
        byNumber.put(carried.blockNumber(), new Channel(config, members));
        if (carried.blockNumber() == 0) {
          notes.add(
              "channel "
                  + config.channel()
                  + ": its configuration is the genesis block, which no orderer signs; its"
                  + " organisations are trusted through the pinned CAs only");
        }
      } catch (EvidenceException e) {
        findings.add(new Finding(Rule.CHANNEL_CONFIG_INVALID, subject, e.getMessage()));
      }
    }
    findings.addAll(reported);
  }

  private static void check(
      ChannelConfigBlock carried, ChannelConfig config, ChannelMembers members)
      throws EvidenceException {
    Block block = config.block();
    if (block.getHeader().getNumber() != carried.blockNumber()
        || !config.channel().equals(carried.channel())) {
      throw invalid("is block " + block.getHeader().getNumber() + " of " + config.channel());
    }
    if (!Arrays.equals(
        FabricBlocks.dataHash(block), block.getHeader().getDataHash().toByteArray())) {
      throw invalid("data does not hash to its header's data hash");
    }
    try {
      if (FabricBlocks.lastConfigIndex(block) != carried.blockNumber()) {
        throw invalid("does not name itself as the configuration in force");
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw invalid("metadata cannot be read: " + e.getMessage());
    }
    if (carried.blockNumber() > 0) {
      List<EvidenceException> problems = BlockSignatures.check(block, members, config.issuedAt());
      if (!problems.isEmpty()) {
        throw invalid("is not signed by the channel's orderer: " + problems.get(0).getMessage());
      }
    }
  }

  /**
   * The configuration in force for an anchoring block, as its metadata names it.
   *
   * @param block the anchoring block
   * @param problems where a missing or broken configuration is reported
   * @return the configuration, if the bundle carries it intact
   */
  Optional<Channel> forBlock(Block block, List<EvidenceException> problems) {
    long index;
    try {
      index = FabricBlocks.lastConfigIndex(block);
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      problems.add(
          new EvidenceException(
              Rule.ANCHOR_BLOCK_ALTERED,
              "its last-config metadata cannot be read: " + e.getMessage()));
      return Optional.empty();
    }
    Channel channel = byNumber.get(index);
    if (channel == null) {
      problems.add(
          new EvidenceException(
              Rule.CHANNEL_CONFIG_MISSING,
              "the block names configuration block "
                  + index
                  + ", which the bundle does not carry intact"));
    }
    return Optional.ofNullable(channel);
  }

  private static EvidenceException invalid(String detail) {
    return new EvidenceException(Rule.CHANNEL_CONFIG_INVALID, "the configuration block " + detail);
  }
}
