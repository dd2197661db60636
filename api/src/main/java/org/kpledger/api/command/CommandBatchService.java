package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.revocation.PublishRevocationListCommand;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The write path behind {@code POST /api/commands/batch}: many signed envelopes, all or nothing.
 * Every envelope passes every check of a single command; then the commands run in order in one unit
 * of work and one database transaction, each in its own nested unit of work with its own receipt,
 * so a retry of any one envelope, alone or in the same batch, gets its first answer. The batch is
 * acknowledged only after that transaction committed; a command refused by a custody rule rolls the
 * whole batch back, and only that command's refusal is kept, as for a single command.
 */
@Service
class CommandBatchService {
  /** The most commands one batch may hold. */
  public static final int MAX_COMMANDS = 500;

  private static final int ATTEMPTS = 3;

  private final EnvelopeVerifier verifier;
  private final CommandReceipts receipts;
  private final CommandService single;
  private final CommandGateway gateway;
  private final TakenIds takenIds;
  private final TransactionManager transactions;
  private final ObjectMapper json;
  private final CommandMeter meter;

  /**
   * Batches run one at a time, and never at the same time as a group of single commands ({@link
   * CommandGroups#writer()}); their envelopes are still verified in parallel, before this lock.
   */
  private final ReentrantLock writer;

  CommandBatchService(
      EnvelopeVerifier verifier,
      CommandReceipts receipts,
      CommandService single,
      CommandGateway gateway,
      TakenIds takenIds,
      TransactionManager transactions,
      ObjectMapper json,
      CommandMeter meter,
      CommandGroups groups) {
    this.meter = meter;
    this.writer = groups.writer();
    this.verifier = verifier;
    this.receipts = receipts;
    this.single = single;
    this.gateway = gateway;
    this.takenIds = takenIds;
    this.transactions = transactions;
    this.json = json;
  }

  /**
   * Verifies and executes a batch body. Refusals before Axon throw {@link CommandRefusedException}.
   */
  public Submission submit(String body) {
    List<String> envelopes = BatchBody.envelopes(body, MAX_COMMANDS);
    RequestFacts.batch(envelopes.size());
    List<VerifiedCommand> commands = verified(envelopes);
    CreatedIds.firstRepeat(commands)
        .ifPresent(
            r -> {
              throw CommandService.repeated(at(r.index()) + "." + r.created().field(), r.created());
            });
    for (int attempt = 1; ; attempt++) {
      writer.lock();
      try {
        Optional<Submission> answered = answeredBefore(commands);
        if (answered.isPresent()) {
          return answered.get();
        }
        Optional<Submission> taken = taken(commands);
        if (taken.isPresent()) {
          return taken.get();
        }
        return execute(commands);
      } catch (DeadlockException | AppendConflictException e) {
        if (attempt == ATTEMPTS) {
          throw new CommandRefusedException(
              HttpStatus.SERVICE_UNAVAILABLE,
              "RETRY",
              null,
              "the batch met concurrent commands on the same items; retry it as it is");
        }
      } finally {
        writer.unlock();
      }
    }
  }

  private List<VerifiedCommand> verified(List<String> envelopes) {
    List<VerifiedCommand> commands = new ArrayList<>(envelopes.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < envelopes.size(); i++) {
      VerifiedCommand c;
      try {
        c = verifier.verify(envelopes.get(i));
      } catch (CommandRefusedException e) {
        throw new CommandRefusedException(
            e.status(),
            e.rule(),
            e.field() == null ? at(i) : at(i) + "." + e.field(),
            "command " + i + ": " + e.getMessage());
      }
      if (c.payload() instanceof PublishRevocationListCommand) {
        throw new CommandRefusedException(
            HttpStatus.BAD_REQUEST,
            "NOT_IN_A_BATCH",
            at(i) + ".commandType",
            "a revocation list changes whom the ledger trusts: submit it alone");
      }
      Integer before = seen.putIfAbsent(c.commandId(), i);
      if (before != null) {
        throw new CommandRefusedException(
            HttpStatus.BAD_REQUEST,
            "COMMAND_ID_REPEATED",
            at(i) + ".commandId",
            "commands " + before + " and " + i + " carry the same commandId " + c.commandId());
      }
      commands.add(c);
    }
    return commands;
  }

  /**
   * The batch's first answer when every command in it was recorded before (a retry after a lost
   * answer); a 409 when only some were, since a batch is recorded whole or not at all.
   */
  private Optional<Submission> answeredBefore(List<VerifiedCommand> commands) {
    List<String> outcomes = new ArrayList<>(commands.size());
    int firstRecorded = -1;
    boolean allAccepted = true;
    Map<String, CommandReceipts.Receipt> priors =
        receipts.findAll(commands.stream().map(VerifiedCommand::commandId).toList());
    for (int i = 0; i < commands.size(); i++) {
      VerifiedCommand c = commands.get(i);
      Optional<CommandReceipts.Receipt> prior = Optional.ofNullable(priors.get(c.commandId()));
      if (prior.isEmpty()) {
        allAccepted = false;
        continue;
      }
      Submission replay;
      try {
        replay = single.replay(prior.get(), c);
      } catch (CommandRefusedException e) {
        throw new CommandRefusedException(
            e.status(), e.rule(), at(i) + ".commandId", "command " + i + ": " + e.getMessage());
      }
      firstRecorded = firstRecorded < 0 ? i : firstRecorded;
      allAccepted &= !replay.problem();
      outcomes.add(replay.json());
    }
    if (firstRecorded < 0) {
      return Optional.empty();
    }
    if (!allAccepted) {
      throw alreadyRecorded(firstRecorded, commands.get(firstRecorded));
    }
    return Optional.of(accepted(outcomes));
  }

  /** The refusal of the first member creating an id the ledger holds already, if any. */
  private Optional<Submission> taken(List<VerifiedCommand> commands) {
    List<CreatedIds.Created> all = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      for (CreatedIds.Created c : CreatedIds.of(commands.get(i).payload())) {
        all.add(c);
        owners.add(i);
      }
    }
    return takenIds
        .firstTaken(all)
        .map(
            c -> {
              int i = owners.get(all.indexOf(c));
              return refused(
                  i,
                  commands.get(i),
                  HttpStatus.CONFLICT,
                  CommandService.ALREADY_EXISTS,
                  c.field(),
                  CommandService.TAKEN);
            });
  }

  private Submission execute(List<VerifiedCommand> commands) {
    UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command batch"));
    batch.resources().put(ReceiptInterceptor.BATCH, Boolean.TRUE);
    List<CommandOutcome> outcomes = new ArrayList<>(commands.size());
    int i = 0;
    try {
      batch.attachTransaction(transactions);
      for (; i < commands.size(); i++) {
        VerifiedCommand c = commands.get(i);
        outcomes.add(gateway.sendAndWait(single.message(c, c.payload())));
      }
      batch.commit();
    } catch (CustodyRuleViolation e) {
      rollBack(batch, e);
      return refused(
          i,
          commands.get(i),
          HttpStatus.UNPROCESSABLE_ENTITY,
          e.reasonCode(),
          CommandService.fieldOf(e),
          e.getMessage());
    } catch (AggregateNotFoundException e) {
      rollBack(batch, e);
      return refused(
          i,
          commands.get(i),
          HttpStatus.UNPROCESSABLE_ENTITY,
          "UNKNOWN_ITEM",
          CommandService.unknownField(commands.get(i).payload(), e),
          CommandService.unknown(e));
    } catch (ConcurrencyException
        | AggregateStreamCreationException
        | DataIntegrityViolationException e) {
      // another command created one of these ids at the same moment, or appended to one of the
      // items first (another node's, since this node writes batches one at a time)
      rollBack(batch, e);
      Optional<Submission> raced = answeredBefore(commands);
      if (raced.isPresent()) {
        return raced.get();
      }
      Optional<Submission> taken = taken(commands);
      if (taken.isPresent()) {
        return taken.get();
      }
      throw new AppendConflictException(e);
    } catch (RuntimeException | Error e) {
      rollBack(batch, e);
      throw e;
    }
    commands.forEach(c -> meter.accepted(c.commandType()));
    List<String> written = new ArrayList<>(outcomes.size());
    outcomes.forEach(o -> written.add(single.write(o)));
    return accepted(written);
  }

  private static void rollBack(UnitOfWork<?> batch, Throwable cause) {
    if (batch.isActive() && batch.phase().isBefore(UnitOfWork.Phase.ROLLBACK)) {
      batch.rollback(cause);
    }
  }

  /**
   * Keeps the refusal of the command at fault (its receipt and, for a custody rule, the refused
   * attempt), as a single submission of it would, and answers for the batch: nothing else in it was
   * recorded.
   */
  private Submission refused(
      int index, VerifiedCommand c, HttpStatus status, String rule, String field, String detail) {
    Submission own = single.refuse(c, status, rule, field, detail);
    try {
      ObjectNode problem = (ObjectNode) json.readTree(own.json());
      problem.put(
          "detail",
          "command "
              + index
              + " was refused: "
              + problem.path("detail").asText()
              + "; nothing in this batch was recorded");
      problem.put("instance", "/api/commands/batch");
      problem.put("field", at(index) + "." + field);
      problem.put("index", index);
      return new Submission(own.status(), json.writeValueAsString(problem), true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Submission accepted(List<String> outcomes) {
    RequestFacts.batchAccepted();
    return new Submission(200, "{\"commands\":[" + String.join(",", outcomes) + "]}", false);
  }

  private static CommandRefusedException alreadyRecorded(int index, VerifiedCommand c) {
    return new CommandRefusedException(
        HttpStatus.CONFLICT,
        "COMMAND_ALREADY_RECORDED",
        at(index) + ".commandId",
        "command "
            + index
            + " ("
            + c.commandId()
            + ") was recorded before, outside this batch; a batch is recorded whole or not at all:"
            + " leave it out and send the rest");
  }

  private static String at(int index) {
    return "commands[" + index + "]";
  }
}
