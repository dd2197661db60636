package org.kpledger.api.fabric.certificate;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.kpledger.api.fabric.FabricConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KP certificates on the channel, only when {@code kp.fabric.enabled=true}: the registrar in its
 * own tracking processor (not the projections': a stalled network must not hold the read side back,
 * and a replay of the read side must not register anything again) and the follower of the
 * registry's events. {@code kp.fabric.certificates.retry} (default 5 s) is how long the follower
 * waits before reopening a broken event stream.
 */
@Configuration
@ConditionalOnProperty(prefix = "kp.fabric", name = "enabled", havingValue = "true")
class CertificateChannelConfiguration {

  static final String CONTRACT = "CertificateRegistry";

  @Autowired
  void registrarProcessor(EventProcessingConfigurer processing) {
    processing.assignProcessingGroup(
        CertificateRegistrar.PROCESSING_GROUP, CertificateRegistrar.PROCESSING_GROUP);
    // one certificate per batch: a Fabric transaction each, and the token right behind it
    processing.registerTrackingEventProcessor(
        CertificateRegistrar.PROCESSING_GROUP,
        org.axonframework.config.Configuration::eventStore,
        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1));
  }

  @Bean
  CertificateRegistrar certificateRegistrar(FabricConnection fabric) {
    return new CertificateRegistrar(fabric.contract(CONTRACT));
  }

  @Bean
  ChannelCheckpoint certificateEventsCheckpoint(JdbcTemplate jdbc, FabricConnection fabric) {
    return new ChannelCheckpoint(
        jdbc, "certificates@" + fabric.settings().channel() + "/" + fabric.settings().chaincode());
  }

  @Bean
  ChannelConfirmationFollower channelConfirmationFollower(
      FabricConnection fabric,
      @Lazy CommandGateway commands,
      ChannelCheckpoint certificateEventsCheckpoint,
      @Value("${kp.fabric.certificates.retry:PT5S}") Duration retry,
      Clock clock) {
    return new ChannelConfirmationFollower(
        fabric.network(),
        fabric.settings().chaincode(),
        commands,
        certificateEventsCheckpoint,
        retry,
        clock);
  }
}
