package org.kpledger.api.config;

import org.axonframework.eventhandling.EventBus;
import org.kpledger.api.storage.AggregateLocks;
import org.springframework.stereotype.Component;

/**
 * Has the event bus take the exclusive database lock of each aggregate a command appends to, before
 * its events are stored ({@link AggregateLocks#beforeStoring}); a no-op for a single node.
 */
@Component
class LockRegistration {
  LockRegistration(EventBus eventBus, AggregateLocks locks) {
    if (locks.acrossNodes()) {
      eventBus.registerDispatchInterceptor(locks.beforeStoring());
    }
  }
}
