package org.kpledger.api.envelope;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.api.command.ReceiptInterceptor;
import org.kpledger.custody.LedgerMetaData;

/**
 * Around every command a client sent (alone, or as a batch member; not the commands a handler sends
 * on, which carry the same metadata): stores the envelope once, in the transaction that stores the
 * command's events, when the command commits. A refused command stores none (its envelope is in
 * {@code refused_attempt}).
 */
class EnvelopeStoreInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
  private final CommandEnvelopes envelopes;

  EnvelopeStoreInterceptor(CommandEnvelopes envelopes) {
    this.envelopes = envelopes;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> uow, InterceptorChain chain)
      throws Exception {
    Object envelope = uow.getMessage().getMetaData().get(LedgerMetaData.ENVELOPE);
    Object commandId = uow.getMessage().getMetaData().get(LedgerMetaData.COMMAND_ID);
    if (envelope == null || commandId == null || !ReceiptInterceptor.isClientCommand(uow)) {
      return chain.proceed();
    }
    Object result = chain.proceed();
    Runnable store = () -> envelopes.storeAtCommit(commandId.toString(), envelope.toString());
    // as the receipt (ReceiptInterceptor): a batch member's row is queued from the batch's own
    // prepare-commit, registered only once the member itself commits, and sent with the root's
    // other rows
    if (uow.isRoot()) {
      uow.onPrepareCommit(u -> store.run());
    } else {
      uow.onPrepareCommit(u -> u.root().onPrepareCommit(r -> store.run()));
    }
    return result;
  }
}
