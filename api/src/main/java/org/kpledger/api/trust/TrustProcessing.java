package org.kpledger.api.trust;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the trust root's event handlers in a subscribing processor of their own, not in the
 * projections' tracking processor: trust must follow a revocation in the committing thread, not
 * whenever the read side catches up, and a replay of the read side must not touch it.
 */
@Configuration
class TrustProcessing {
  /** The processing group, and processor, of the trust root's event handlers. */
  static final String GROUP = "trust";

  @Autowired
  void subscribe(EventProcessingConfigurer processing) {
    processing.assignProcessingGroup(GROUP, GROUP);
    processing.registerSubscribingEventProcessor(GROUP);
  }
}
