package org.kpledger.audit.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.audit.AuditBundle.ChannelConfigBlock;
import org.kpledger.audit.Finding;
import org.kpledger.identity.TrustAnchors;

/**
 * The Fabric channel as a bundle's configuration blocks describe it, read and checked once for all
 * the channel's transactions the bundle holds as evidence (anchors, certificate confirmations):
 * each configuration block intact and signed by the channel's orderer past the genesis block, and
 * each organisation's MSP rooted at a CA the auditor pinned. Immutable once made; thread-safe.
 */
public final class FabricChannel {

  private final ChannelConfigs configs;
  private final boolean pinned;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * Reads the configuration blocks.
   *
   * @param blocks the configuration blocks a bundle carries
   * @param pinned the auditor's organisation CAs, among them the channel organisations' and the
   *     ordering organisation's; empty to take the configurations' own (the verifiers say so)
   */
  public FabricChannel(List<ChannelConfigBlock> blocks, Optional<TrustAnchors> pinned) {
    this.pinned = pinned.isPresent();
    this.configs = new ChannelConfigs(blocks, pinned, findings, notes);
  }

  /**
   * What is wrong with the configuration blocks themselves ({@code CHANNEL_CONFIG_INVALID}, {@code
   * CHANNEL_CA_NOT_PINNED}), each once.
   *
   * @return the findings
   */
  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * Remarks on the configuration blocks that are not failures (a genesis block no orderer signs).
   *
   * @return the notes
   */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Whether the caller pinned the channel's CAs. */
  boolean pinned() {
    return pinned;
  }

  ChannelConfigs configs() {
    return configs;
  }
}
