package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kpledger.custody.LedgerMetaData;

/**
 * Around every client command (the root unit of work): collects the ids of the events it causes,
 * and stores its receipt in the same transaction as those events.
 */
public class ReceiptInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
  static final String EVENT_IDS = "kp.eventIds";
  public static final String BODY_HASH = "kp.bodyHash";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandReceipts receipts;

  /** Stores receipts in {@code receipts}. */
  public ReceiptInterceptor(CommandReceipts receipts) {
    this.receipts = receipts;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> uow, InterceptorChain chain)
      throws Exception {
    CommandMessage<?> command = uow.getMessage();
    Object commandId = command.getMetaData().get(LedgerMetaData.COMMAND_ID);
    if (!uow.isRoot() || commandId == null) {
      return chain.proceed();
    }
    Object result = chain.proceed();
    // Axon dispatches (and so intercepts) the events of a unit of work when it prepares to
    // commit, after the handler returned: the ids and the receipt are completed then, still
    // inside the transaction that stores the events.
    List<String> ids = new ArrayList<>();
    CommandOutcome outcome =
        new CommandOutcome(commandId.toString(), command.getCommandName(), result, ids);
    uow.onPrepareCommit(
        u -> {
          ids.addAll(u.getOrComputeResource(EVENT_IDS, k -> new ArrayList<String>()));
          receipts.store(
              new CommandReceipts.Receipt(
                  commandId.toString(),
                  String.valueOf(command.getMetaData().get(BODY_HASH)),
                  200,
                  toJson(outcome)));
        });
    return outcome;
  }

  private static String toJson(CommandOutcome outcome) {
    try {
      return JSON.writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the receipt of " + outcome.commandId(), e);
    }
  }

  /** Records each event's id on the root unit of work that publishes it. */
  public static MessageDispatchInterceptor<EventMessage<?>> eventIdCollector() {
    return new MessageDispatchInterceptor<>() {
      @Override
      public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
          List<? extends EventMessage<?>> messages) {
        return (i, event) -> {
          if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get()
                .root()
                .getOrComputeResource(EVENT_IDS, k -> new ArrayList<String>())
                .add(event.getIdentifier());
          }
          return event;
        };
      }
    };
  }
}
