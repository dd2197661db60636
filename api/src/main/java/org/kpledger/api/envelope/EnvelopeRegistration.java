package org.kpledger.api.envelope;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/** Registers the interceptor that stores each command's envelope, unless the node writes v1. */
@Component
class EnvelopeRegistration {
  EnvelopeRegistration(
      CommandBus commandBus, CommandEnvelopes envelopes, LeafFormatSetting setting) {
    if (setting.envelopeOnce()) {
      commandBus.registerHandlerInterceptor(new EnvelopeStoreInterceptor(envelopes));
    }
  }
}
