package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Marks the unit of work of a command batch, whose children are client commands. */
  static final String BATCH = "kp.batch";

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
    if (commandId == null || !isClientCommand(uow)) {
      return chain.proceed();
    }
    List<String> ids = new ArrayList<>();
    uow.root()
        .<Map<String, List<String>>>getOrComputeResource(EVENT_IDS, k -> new HashMap<>())
        .put(commandId.toString(), ids);
    Object result = chain.proceed();
    CommandOutcome outcome =
        new CommandOutcome(
            commandId.toString(),
            CommandCatalog.typeOf(command.getPayloadType()).orElse(command.getCommandName()),
            result,
            ids);
    Runnable storeReceipt =
        () ->
            receipts.storeAtCommit(
                new CommandReceipts.Receipt(
                    commandId.toString(),
                    String.valueOf(command.getMetaData().get(BODY_HASH)),
                    200,
                    toJson(outcome)));
    // Axon dispatches (and so intercepts) the events of a unit of work when the root unit of work
    // prepares to commit, after the handlers returned; a batch member's events move to the batch's
    // queue when the member commits. The receipt is stored after that, still inside the
    // transaction that stores the events: for a batch member, from the batch's own prepare-commit,
    // registered only once the member's events are queued there. Either way the row joins the
    // root's other rows, sent together at the end of its prepare-commit (storeAtCommit).
    if (uow.isRoot()) {
      uow.onPrepareCommit(u -> storeReceipt.run());
    } else {
      uow.onPrepareCommit(u -> u.root().onPrepareCommit(r -> storeReceipt.run()));
    }
    return outcome;
  }

  /**
   * A command a client sent: alone (the root unit of work) or as a member of a batch; not one a
   * handler sent on (which carries its client command's metadata).
   */
  public static boolean isClientCommand(UnitOfWork<?> uow) {
    return uow.parent().map(p -> p.isRoot() && p.resources().containsKey(BATCH)).orElse(true);
  }

  private static String toJson(CommandOutcome outcome) {
    try {
      return JSON.writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the receipt of " + outcome.commandId(), e);
    }
  }

  /** Records each event's id with the client command that caused it (named in its metadata). */
  public static MessageDispatchInterceptor<EventMessage<?>> eventIdCollector() {
    return new MessageDispatchInterceptor<>() {
      @Override
      public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
          List<? extends EventMessage<?>> messages) {
        return (i, event) -> {
          Object commandId = event.getMetaData().get(LedgerMetaData.COMMAND_ID);
          if (CurrentUnitOfWork.isStarted() && commandId != null) {
            Map<String, List<String>> byCommand =
                CurrentUnitOfWork.get().root().getResource(EVENT_IDS);
            List<String> ids = byCommand == null ? null : byCommand.get(commandId.toString());
            if (ids != null) {
              ids.add(event.getIdentifier());
            }
          }
          return event;
        };
      }
    };
  }
}
