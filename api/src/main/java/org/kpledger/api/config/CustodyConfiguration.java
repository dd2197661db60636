package org.kpledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.kpledger.api.envelope.EnvelopeDigestCorrelation;
import org.kpledger.api.envelope.LeafFormatSetting;
import org.kpledger.api.settings.LedgerProperties;
import org.kpledger.api.storage.AggregateLocks;
import org.kpledger.api.storage.VersionCheckedCache;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.certificate.CertificateHandler;
import org.kpledger.certificate.ImportingAuthorities;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.InternalCommands;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.export.ExportHandler;
import org.kpledger.facts.EventSourcedCustodyFacts;
import org.kpledger.licence.Licence;
import org.kpledger.lot.PurchaseSlipHandler;
import org.kpledger.miner.Miner;
import org.kpledger.parcel.MergeAndSplitHandler;
import org.kpledger.parcel.Parcel;
import org.kpledger.shipment.ShipmentHandler;
import org.kpledger.site.Site;
import org.kpledger.stockpile.StockpileHandler;
import org.kpledger.zone.Zone;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the custody core into Axon: facts, orchestrating handlers, interceptors. */
@Configuration
@EnableConfigurationProperties(LedgerProperties.class)
class CustodyConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Copies the signer's identity and the envelope's SHA-256 from each command to every event it
   * causes (the envelope itself is stored once per command: {@code api.envelope}), so an auditor
   * re-verifies the actor's own signature on each event; with {@code kp.leaf-format=v1} the whole
   * envelope instead, as before. For a command the node sends from what it saw on the Fabric
   * channel, the channel's block instead ({@link LedgerMetaData#FABRIC_BLOCK}).
   */
  @Bean
  CorrelationDataProvider envelopeCorrelation(LeafFormatSetting leafFormat) {
    List<String> keys = new ArrayList<>(List.of(LedgerMetaData.COMMAND_ID));
    if (!leafFormat.envelopeOnce()) {
      keys.add(LedgerMetaData.ENVELOPE);
    }
    keys.addAll(LedgerMetaData.ACTOR_KEYS);
    keys.addAll(List.of(LedgerMetaData.RECORDED_AT, LedgerMetaData.FABRIC_BLOCK));
    CorrelationDataProvider copied = new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    if (!leafFormat.envelopeOnce()) {
      return copied;
    }
    CorrelationDataProvider digest = new EnvelopeDigestCorrelation();
    return message -> {
      Map<String, Object> out = new HashMap<>(copied.correlationDataFor(message));
      out.putAll(digest.correlationDataFor(message));
      return out;
    };
  }

  /**
   * Keeps up to {@code kp.aggregate-cache-entries} loaded aggregates in memory (least recently used
   * go first), so a zone, licence, miner or site read by every purchase is not replayed from the
   * event store each time. Axon updates an entry when its unit of work commits and evicts it when
   * the unit of work rolls back. A weak-reference cache lost every entry at each garbage
   * collection, which under load meant two queries and a replay per aggregate per command. With
   * {@code kp.multi-node=true} another node may have appended to any aggregate, and a cached copy
   * would judge a command on a stale state (a zone's compliance read by a purchase, for example):
   * there an entry is served only while the event store holds nothing newer of its aggregate
   * ({@link VersionCheckedCache}, checked under the database lock of {@link AggregateLocks}). 0
   * entries: no cache.
   */
  @Bean(destroyMethod = "close")
  CacheManager aggregateCacheManager(LedgerProperties props) {
    return CacheManagerBuilder.newCacheManagerBuilder()
        .withCache(
            "aggregates",
            CacheConfigurationBuilder.newCacheConfigurationBuilder(
                Object.class,
                Object.class,
                ResourcePoolsBuilder.heap(Math.max(1, props.aggregateCacheEntries()))))
        .build(true);
  }

  @Bean
  Cache aggregateCache(
      CacheManager aggregateCacheManager,
      LedgerProperties props,
      JdbcTemplate jdbc,
      MeterRegistry meters) {
    if (props.aggregateCacheEntries() == 0) {
      return NoCache.INSTANCE;
    }
    Cache entries =
        new EhCache3Adapter(
            (Ehcache<Object, Object>)
                aggregateCacheManager.getCache("aggregates", Object.class, Object.class));
    return props.multiNode() ? new VersionCheckedCache(entries, jdbc, meters) : entries;
  }

  /**
   * The lock every aggregate's repository takes ({@code lockFactory} of each {@code @Aggregate}):
   * Axon's in this process, and with {@code kp.multi-node=true} on PostgreSQL also the database's,
   * so that a command reading an item another node is changing waits for that change ({@link
   * AggregateLocks}; {@link FactsReadShared} makes the facts' locks shared, and {@link
   * LockRegistration} takes the exclusive one of whatever a command appends to).
   */
  @Bean
  AggregateLocks aggregateLocks(LedgerProperties props, JdbcTemplate jdbc) {
    if (!props.multiNode()) {
      return AggregateLocks.inThisProcess();
    }
    String engine =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    // an H2 file is one process's: there are no other nodes
    return "PostgreSQL".equals(engine)
        ? AggregateLocks.acrossNodes(jdbc, props.multiNodeLockTimeout())
        : AggregateLocks.inThisProcess();
  }

  @Bean
  CustodyFacts custodyFacts(
      @Lazy Repository<Zone> zones,
      @Lazy Repository<Licence> licences,
      @Lazy Repository<Miner> miners,
      @Lazy Repository<Site> sites,
      @Lazy Repository<Parcel> parcels) {
    return new FactsReadShared(
        new EventSourcedCustodyFacts(zones, licences, miners, sites, parcels));
  }

  /**
   * The country each importing authority is bound to, read from the trust root's CAs at each
   * confirmation, so a CA enrolled later is known without a restart.
   */
  @Bean
  ImportingAuthorities importingAuthorities(TrustRoot trust) {
    return ImportingAuthorities.of(trust::anchors);
  }

  @Bean
  InternalCommands internalCommands(@Lazy CommandGateway gateway) {
    return new InternalCommands(gateway);
  }

  @Bean
  PurchaseSlipHandler purchaseSlipHandler(InternalCommands internal) {
    return new PurchaseSlipHandler(internal);
  }

  @Bean
  MergeAndSplitHandler mergeAndSplitHandler(InternalCommands internal) {
    return new MergeAndSplitHandler(internal);
  }

  @Bean
  StockpileHandler stockpileHandler(InternalCommands internal) {
    return new StockpileHandler(internal);
  }

  @Bean
  ShipmentHandler shipmentHandler(InternalCommands internal) {
    return new ShipmentHandler(internal);
  }

  @Bean
  CertificateHandler certificateHandler(InternalCommands internal) {
    return new CertificateHandler(internal);
  }

  @Bean
  ExportHandler exportHandler(InternalCommands internal) {
    return new ExportHandler(internal);
  }
}
