package org.kpledger.custody;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Dispatches a command to another aggregate from inside a command handler. On the local command bus
 * it runs in a nested unit of work that commits or rolls back with the client's command, so a
 * multi-aggregate act (a merge, a shipment proposal) is all or nothing. The signer's metadata
 * (envelope, actor) is carried over, so every event it causes names the actor who signed.
 */
public final class InternalCommands {
  private final CommandGateway gateway;

  /** Uses the given gateway (backed by the local, synchronous command bus). */
  public InternalCommands(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /** Sends {@code command} with the current message's metadata and waits for its result. */
  public <R> R send(Object command) {
    MetaData meta =
        CurrentUnitOfWork.isStarted()
            ? CurrentUnitOfWork.get().getMessage().getMetaData()
            : MetaData.emptyInstance();
    return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(meta));
  }
}
