package org.kpledger.api.log;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.anchoring.checkpoint.EcdsaP256TreeHeadSigner;
import org.kpledger.anchoring.leaf.JdbcLeafIndex;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.anchoring.local.LocalAnchorSink;
import org.kpledger.anchoring.publish.AnchoringProcessor;
import org.kpledger.anchoring.publish.PublishingCadence;
import org.kpledger.anchoring.publish.TreeHeadPublisher;
import org.kpledger.api.fabric.anchor.FabricAnchorSink;
import org.kpledger.api.settings.AnchoringProperties;
import org.kpledger.api.settings.LedgerProperties;
import org.kpledger.merkle.jdbc.JdbcNodeStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * The integrity path: every event becomes one leaf of the RFC 9162 log (the anchoring tracking
 * processor, in the same transaction as its token), and the node signs C2SP checkpoints every N
 * leaves or T milliseconds into the local anchor sink (database table and append-only file) and,
 * when {@code kp.fabric.enabled=true}, the Fabric channel ({@code FabricAnchoringConfiguration}).
 */
@org.springframework.context.annotation.Configuration
@EnableConfigurationProperties(AnchoringProperties.class)
class AnchoringConfiguration {

  /** Connections that join the current Spring transaction (the processor's, with its token). */
  @Bean
  ConnectionProvider ledgerConnections(DataSource dataSource) {
    return new SpringDataSourceConnectionProvider(dataSource);
  }

  @Bean
  JdbcLeafIndex leafIndex(ConnectionProvider ledgerConnections) {
    return new JdbcLeafIndex(ledgerConnections).createTableIfAbsent();
  }

  /**
   * The node store the processor writes, in its transaction; its level 0 is the leaf hashes of
   * {@code merkle_leaf}, written in the same transaction (V4 deleted the level-0 rows).
   */
  @Bean
  JdbcNodeStore merkleNodes(ConnectionProvider ledgerConnections) {
    return new JdbcNodeStore(ledgerConnections, JdbcLeafIndex.LEAF_HASHES).createTablesIfAbsent();
  }

  /** A view of the same store outside any transaction: only committed leaves are read. */
  @Bean
  CommittedLog committedLog(DataSource dataSource) {
    return new CommittedLog(
        new JdbcNodeStore(dataSource::getConnection, JdbcLeafIndex.LEAF_HASHES));
  }

  @Bean
  EcdsaP256TreeHeadSigner treeHeadSigner(LedgerProperties props) throws IOException {
    return new EcdsaP256TreeHeadSigner(
        NodeKey.loadOrCreate(props.dataDir().resolve("node").resolve("tree-head-key.pem")));
  }

  @Bean
  CheckpointVerifier checkpointVerifier(
      AnchoringProperties anchoring, EcdsaP256TreeHeadSigner signer) {
    return new CheckpointVerifier(anchoring.origin(), signer.publicKey());
  }

  /**
   * The local sink; with {@code kp.multi-node=true} opened shared: the table is the record and the
   * file in the data directory is this node's copy of it (SharedLog).
   */
  @Bean(destroyMethod = "close")
  LocalAnchorSink localAnchorSink(
      ConnectionProvider ledgerConnections,
      LedgerProperties props,
      Clock clock,
      CheckpointVerifier checkpointVerifier) {
    if (!props.multiNode()) {
      return LocalAnchorSink.open(
          "local", ledgerConnections, props.dataDir().resolve("checkpoints.txt"), clock);
    }
    LocalAnchorSink sink =
        LocalAnchorSink.openShared(
            "local", ledgerConnections, props.dataDir().resolve("checkpoints.txt"), clock);
    SharedLog.checkSameKey(sink, checkpointVerifier);
    return sink;
  }

  @Bean(destroyMethod = "close")
  SharedLog sharedLog(@Lazy Configuration axon, LocalAnchorSink localAnchorSink) {
    return new SharedLog(axon, localAnchorSink);
  }

  @Bean(destroyMethod = "close")
  TreeHeadPublisher treeHeadPublisher(
      CommittedLog log,
      EcdsaP256TreeHeadSigner signer,
      LocalAnchorSink sink,
      ObjectProvider<FabricAnchorSink> fabricSink,
      AnchoringProperties anchoring,
      LedgerProperties props,
      SharedLog shared,
      Clock clock) {
    List<AnchorSink> sinks = new ArrayList<>(List.of(sink));
    fabricSink.ifAvailable(sinks::add);
    TreeHeadPublisher publisher =
        new TreeHeadPublisher(
            log.nodes(),
            signer,
            sinks,
            new PublishingCadence(
                anchoring.origin(), anchoring.everyLeaves(), anchoring.everyInterval()),
            clock);
    return props.multiNode() ? publisher.publishingWhen(shared::publishes) : publisher;
  }

  @Bean
  AnchoringProcessor anchoringProcessor(
      JdbcNodeStore merkleNodes,
      JdbcLeafIndex leafIndex,
      @Lazy Configuration axon,
      TreeHeadPublisher publisher,
      Clock clock) {
    return new AnchoringProcessor(
        merkleNodes,
        leafIndex,
        new LeafEncoder(axon.eventSerializer()),
        clock,
        publisher::leavesCommitted);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startPublishing(ApplicationReadyEvent ready) {
    var context = ready.getApplicationContext();
    context.getBean(TreeHeadPublisher.class).start();
    if (context.getBean(LedgerProperties.class).multiNode()) {
      context
          .getBean(SharedLog.class)
          .start(context.getBean(AnchoringProperties.class).everyInterval());
    }
  }
}
