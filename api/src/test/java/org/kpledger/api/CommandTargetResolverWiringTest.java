package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.kpledger.api.command.CachedCommandTargetResolver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The node's aggregates find their target with the cached resolver: Axon's aggregate configuration
 * asks the configuration for a {@link CommandTargetResolver}, and this is the one it gets.
 */
class CommandTargetResolverWiringTest extends ReadTestBase {
  @Autowired Configuration axon;
  @Autowired CachedCommandTargetResolver cached;

  @Test
  void theResolverEveryAggregateIsGivenIsTheCachedOne() {
    assertThat(axon.getComponent(CommandTargetResolver.class)).isSameAs(cached);
  }
}
