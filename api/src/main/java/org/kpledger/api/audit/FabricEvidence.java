package org.kpledger.api.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.hyperledger.fabric.client.GatewayException;
import org.kpledger.anchoring.fabric.AnchorTransaction;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.fabric.FabricBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a bundle carries of the Fabric anchoring: the transactions and blocks the Fabric sink kept
 * in {@code anchor_transaction}, and the channel configuration blocks those blocks name, fetched
 * from the node's peer ({@code qscc GetBlockByNumber}) when {@code kp.fabric.enabled}. With Fabric
 * off the node expects no Fabric anchor and a bundle carries none unless the table holds some.
 */
@Component
class FabricEvidence {

  private static final Logger LOG = LoggerFactory.getLogger(FabricEvidence.class);

  private final AnchorTransactionTable table;
  private final ObjectProvider<FabricConnection> fabric;
  private final boolean enabled;
  private final String sink;

  FabricEvidence(
      ConnectionProvider ledgerConnections,
      ObjectProvider<FabricConnection> fabric,
      @Value("${kp.fabric.enabled:false}") boolean enabled,
      @Value("${kp.audit.fabric-sink:fabric}") String sink) {
    this.table = new AnchorTransactionTable(ledgerConnections);
    this.fabric = fabric;
    this.enabled = enabled;
    this.sink = sink;
  }

  /** The sinks whose evidence a bundle's newest head must have. */
  List<String> expectedSinks() {
    return enabled ? List.of(sink) : List.of();
  }

  /** The size of the largest head the Fabric sink anchored, if it is expected to. */
  Optional<Long> newestAnchoredSize() {
    return enabled ? table.last(sink).map(AnchorTransaction::treeSize) : Optional.empty();
  }

  /** The Fabric sink's anchoring of a head, if any. */
  Optional<AnchorTransaction> at(long treeSize) {
    return table.at(sink, treeSize);
  }

  /** The anchorings in the bundle's form. */
  static List<AuditBundle.FabricAnchor> lines(List<AnchorTransaction> anchors) {
    return anchors.stream()
        .map(
            a ->
                new AuditBundle.FabricAnchor(
                    a.sink(), a.treeSize(), a.txId(), a.blockNumber(), a.committedAt(), a.block()))
        .toList();
  }

  /**
   * The configuration blocks the anchoring blocks name (their last-config index), and those of
   * {@code named} (the blocks events recorded from the channel carry), fetched from the node's
   * peer. Without a Fabric connection, or if the peer does not answer, a block is left out (and
   * logged): the verifier then names it missing ({@code CHANNEL_CONFIG_MISSING}) rather than the
   * auditor getting a truncated download.
   */
  List<AuditBundle.ChannelConfigBlock> configBlocks(
      List<AnchorTransaction> anchors, Set<Long> named) {
    FabricConnection connection = fabric.getIfAvailable();
    if (connection == null || (anchors.isEmpty() && named.isEmpty())) {
      return List.of();
    }
    TreeSet<Long> numbers = new TreeSet<>(named);
    for (AnchorTransaction a : anchors) {
      try {
        numbers.add(FabricBlocks.lastConfigIndex(a.block()));
      } catch (IllegalArgumentException e) {
        LOG.warn(
            "block of anchor {}@{} names no configuration: {}",
            a.sink(),
            a.treeSize(),
            e.getMessage());
      }
    }
    String channel = connection.settings().channel();
    List<AuditBundle.ChannelConfigBlock> out = new ArrayList<>();
    for (long n : numbers) {
      try {
        byte[] block =
            connection
                .network()
                .getContract("qscc")
                .evaluateTransaction("GetBlockByNumber", channel, Long.toString(n));
        out.add(new AuditBundle.ChannelConfigBlock(channel, n, block));
      } catch (GatewayException | RuntimeException e) {
        LOG.warn("cannot fetch configuration block {} of {}: {}", n, channel, e.toString());
      }
    }
    return out;
  }
}
