package org.kpledger.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.kpledger.api.command.CommandReceipts;
import org.kpledger.api.command.ReceiptInterceptor;
import org.springframework.stereotype.Component;

/** Registers the interceptors that give each command its receipt and its list of event ids. */
@Component
class ReceiptRegistration {
  ReceiptRegistration(CommandBus commandBus, EventBus eventBus, CommandReceipts receipts) {
    commandBus.registerHandlerInterceptor(new ReceiptInterceptor(receipts));
    eventBus.registerDispatchInterceptor(ReceiptInterceptor.eventIdCollector());
  }
}
