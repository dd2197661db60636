package org.kpledger.api.fabric.anchor;

import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.fabric.AnchorTransactionTable;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.settings.AnchoringProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Fabric anchor sink, beside the local one, when {@code kp.fabric.enabled=true}; {@code
 * AnchoringConfiguration} hands it to the tree-head publisher.
 */
@Configuration
@ConditionalOnProperty(prefix = "kp.fabric", name = "enabled", havingValue = "true")
class FabricAnchoringConfiguration {

  @Bean
  AnchorTransactionTable anchorTransactionTable(ConnectionProvider ledgerConnections) {
    return new AnchorTransactionTable(ledgerConnections);
  }

  @Bean
  FabricAnchorSink fabricAnchorSink(
      FabricConnection fabric,
      AnchorTransactionTable anchorTransactionTable,
      EcdsaP256TreeHeadSigner treeHeadSigner,
      AnchoringProperties anchoring,
      Clock clock) {
    return new FabricAnchorSink(
        "fabric", anchoring.origin(), fabric, anchorTransactionTable, treeHeadSigner, clock);
  }
}
