package org.kpledger.api.fabric;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's Fabric connection, made only when {@code kp.fabric.enabled=true}; without it the node
 * anchors locally only and nothing here is loaded.
 */
@Configuration
@EnableConfigurationProperties(FabricProperties.class)
class FabricConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(prefix = "kp.fabric", name = "enabled", havingValue = "true")
  FabricConnection fabricConnection(FabricProperties settings) {
    return FabricConnection.open(settings);
  }
}
