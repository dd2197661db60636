package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon's handler and unit-of-work timeouts are off ({@code axon.timeout.enabled: false}): each
 * handler call and unit of work would start a timed task that walks the calling thread's stack, 8 %
 * of the node's CPU samples on the batched path (docs/benchmarks.md), for a 30 s interrupt that
 * nothing here needs. A command and its projections still work: the rest of the suite.
 */
class AxonTimeoutsTest extends LedgerTestBase {
  @Autowired ApplicationContext context;

  @Test
  void handlersAndUnitsOfWorkRunWithoutAxonsTimedTasks() {
    assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    assertThat(context.containsBean("axonTimeoutConfigurerModule")).isFalse();
  }
}
