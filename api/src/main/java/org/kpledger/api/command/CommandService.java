package org.kpledger.api.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.kpledger.api.operations.RequestFacts;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.api.problem.ProblemTypes;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.revocation.PublishRevocationListCommand;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write path behind {@code POST /api/commands}: verify the envelope, answer a retry from its
 * receipt, dispatch to Axon with the envelope as metadata, and keep a validly signed refusal as
 * evidence. A revocation list is checked here (signed by a CA of the signer's organisation) and
 * reaches the trust root through its event ({@code trust.RevocationListHandler}), not from here.
 */
@Service
public class CommandService {
  /** The rule of a command creating an id that the ledger already holds. */
  static final String ALREADY_EXISTS = "ALREADY_EXISTS";

  /** The same words whoever holds the id: an answer must not tell whose it is. */
  static final String TAKEN = "this id is already taken in the ledger; choose another";

  static final String UNKNOWN = "the command names something the ledger does not hold";

  private static final String INSTANCE = "/api/commands";

  /** How many times a command whose events lost an append race is judged before 503 RETRY. */
  private static final int CONFLICT_ATTEMPTS = 3;

  private final EnvelopeVerifier verifier;
  private final CommandReceipts receipts;
  private final RefusedAttempts refusedAttempts;
  private final CommandGateway gateway;
  private final TransactionTemplate tx;
  private final RevocationListCheck crlCheck;
  private final TakenIds takenIds;
  private final Clock clock;
  private final ObjectMapper json;
  private final CommandGroups groups;

  CommandService(
      EnvelopeVerifier verifier,
      CommandReceipts receipts,
      RefusedAttempts refusedAttempts,
      CommandGateway gateway,
      TransactionTemplate tx,
      TrustRoot trust,
      TakenIds takenIds,
      Clock clock,
      ObjectMapper json,
      CommandGroups groups) {
    this.verifier = verifier;
    this.receipts = receipts;
    this.refusedAttempts = refusedAttempts;
    this.gateway = gateway;
    this.tx = tx;
    this.crlCheck = new RevocationListCheck(trust);
    this.takenIds = takenIds;
    this.clock = clock;
    this.json = json;
    this.groups = groups;
  }

  /**
   * Verifies and executes one envelope. Refusals before Axon throw {@link CommandRefusedException}.
   */
  public Submission submit(String body) {
    return judge(verifier.verify(body), groups.enabled());
  }

  /**
   * Answers a verified command: from its receipt, or by running it in the next group of concurrent
   * single commands ({@link CommandGroups}) when {@code grouped}, or alone, as it is judged again
   * when its group could not commit whole.
   *
   * <p>A command bound for a group is neither looked up nor checked for taken ids here: the group
   * reads the receipts of all its members with one statement, and which of the ids they create the
   * store holds with another, and sends a command with a receipt or a taken id back to be judged
   * alone, which answers it from its receipt or refuses it (neither query runs in the request
   * thread of a command sent one per request; a retry or a taken id, the rare cases, take the
   * longer way). Alone, the receipt is looked up first: a retry of an accepted command meets its
   * own ids taken.
   */
  private Submission judge(VerifiedCommand command, boolean grouped) {
    Object payload = command.payload();
    boolean toGroup = grouped && !(payload instanceof PublishRevocationListCommand);
    if (!toGroup) {
      Optional<CommandReceipts.Receipt> prior = receipts.find(command.commandId());
      if (prior.isPresent()) {
        return replay(prior.get(), command);
      }
    }
    Optional<CreatedIds.Repeat> repeat = CreatedIds.firstRepeat(List.of(command));
    if (repeat.isPresent()) {
      throw repeated(repeat.get().created().field(), repeat.get().created());
    }
    List<CreatedIds.Created> created = CreatedIds.of(command.payload());
    if (!toGroup) {
      Optional<CreatedIds.Created> taken = takenIds.firstTaken(created);
      if (taken.isPresent()) {
        return refuse(command, HttpStatus.CONFLICT, ALREADY_EXISTS, taken.get().field(), TAKEN);
      }
    }
    if (payload instanceof PublishRevocationListCommand p) {
      payload = crlCheck.complete(p, crlCheck.verify(p, command.actor()), command.actor());
    } else if (toGroup) {
      Optional<CommandOutcome> outcome =
          groups.commit(
              command.commandId(),
              created.stream().map(CreatedIds.Created::id).toList(),
              () -> message(command, command.payload()));
      return outcome.isPresent()
          ? new Submission(200, write(outcome.get()), false)
          : judge(command, false);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return dispatch(command, payload);
      } catch (AppendConflictException e) {
        if (attempt == CONFLICT_ATTEMPTS) {
          throw new CommandRefusedException(
              HttpStatus.SERVICE_UNAVAILABLE,
              "RETRY",
              null,
              "the command met concurrent ones on the same items; retry it with the same envelope");
        }
      }
    }
  }

  private Submission dispatch(VerifiedCommand command, Object payload) {
    try {
      CommandOutcome outcome = gateway.sendAndWait(message(command, payload));
      return new Submission(200, write(outcome), false);
    } catch (CustodyRuleViolation e) {
      return refuse(
          command, HttpStatus.UNPROCESSABLE_ENTITY, e.reasonCode(), fieldOf(e), e.getMessage());
    } catch (AggregateNotFoundException e) {
      return refuse(
          command,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "UNKNOWN_ITEM",
          unknownField(payload, e),
          unknown(e));
    } catch (ConcurrencyException
        | AggregateStreamCreationException
        | DataIntegrityViolationException e) {
      // a command that created the same id at the same moment won the race, or one on another
      // node appended to the same item first (this one was judged on an older state)
      Optional<CommandReceipts.Receipt> raced = receipts.find(command.commandId());
      if (raced.isPresent()) {
        return replay(raced.get(), command);
      }
      Optional<CreatedIds.Created> taken = takenIds.firstTaken(CreatedIds.of(command.payload()));
      if (taken.isEmpty()) {
        throw new AppendConflictException(e);
      }
      return refuse(command, HttpStatus.CONFLICT, ALREADY_EXISTS, taken.get().field(), TAKEN);
    } catch (DeadlockException e) {
      throw new CommandRefusedException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "RETRY",
          null,
          "the command met a concurrent one; retry it with the same envelope");
    }
  }

  /**
   * The payload member a custody rule blamed ({@code payload.receiverLicence}, {@code
   * payload.parcelIds[2]}), or {@code payload} when the rule blames the command as a whole.
   */
  static String fieldOf(CustodyRuleViolation e) {
    return e.field().isEmpty() ? "payload" : "payload." + e.field();
  }

  /**
   * The payload member that names the aggregate nobody created ({@code payload.parcelId}), or
   * {@code payload} when no top-level member holds that id.
   */
  static String unknownField(Object payload, AggregateNotFoundException e) {
    Object id = e.getAggregateIdentifier();
    if (id != null && payload != null && payload.getClass().isRecord()) {
      for (RecordComponent c : payload.getClass().getRecordComponents()) {
        try {
          if (id.toString().equals(String.valueOf(c.getAccessor().invoke(payload)))) {
            return "payload." + c.getName();
          }
        } catch (ReflectiveOperationException ignored) {
          // an accessor of a record is public; nothing to name if it is not
        }
      }
    }
    return "payload";
  }

  static String unknown(AggregateNotFoundException e) {
    return e.getAggregateIdentifier() == null
        ? UNKNOWN
        : UNKNOWN + ": " + e.getAggregateIdentifier();
  }

  static CommandRefusedException repeated(String field, CreatedIds.Created created) {
    return new CommandRefusedException(
        HttpStatus.BAD_REQUEST,
        "ID_REPEATED",
        field,
        field + ": the id " + created.id() + " is created twice; every new id must be distinct");
  }

  GenericCommandMessage<Object> message(VerifiedCommand c, Object payload) {
    MetaData meta =
        c.actor()
            .toMetaData()
            .and(LedgerMetaData.ENVELOPE, c.envelopeJson())
            .and(LedgerMetaData.COMMAND_ID, c.commandId())
            .and(LedgerMetaData.RECORDED_AT, clock.instant().toString())
            .and(ReceiptInterceptor.BODY_HASH, c.bodyHash());
    return new GenericCommandMessage<>(payload, meta);
  }

  Submission replay(CommandReceipts.Receipt receipt, VerifiedCommand command) {
    RequestFacts.command(command.commandType(), command.commandId());
    if (!receipt.bodyHash().equals(command.bodyHash())) {
      throw new CommandRefusedException(
          HttpStatus.CONFLICT,
          "COMMAND_ID_REUSED",
          "commandId",
          "commandId " + command.commandId() + " was already used for a different command");
    }
    RequestFacts.replayed();
    return new Submission(receipt.httpStatus(), receipt.outcome(), receipt.httpStatus() >= 400);
  }

  Submission refuse(
      VerifiedCommand c, HttpStatus status, String rule, String field, String detail) {
    RequestFacts.command(c.commandType(), c.commandId());
    RequestFacts.rule(rule);
    String problem = write(problem(c, status, rule, field, detail));
    try {
      tx.executeWithoutResult(
          s -> {
            refusedAttempts.record(c, rule, detail);
            receipts.store(
                new CommandReceipts.Receipt(c.commandId(), c.bodyHash(), status.value(), problem));
          });
    } catch (org.springframework.dao.DuplicateKeyException e) {
      return receipts.find(c.commandId()).map(r -> replay(r, c)).orElseThrow(() -> e);
    }
    return new Submission(status.value(), problem, true);
  }

  private ObjectNode problem(
      VerifiedCommand c, HttpStatus status, String rule, String field, String detail) {
    ObjectNode p = json.createObjectNode();
    p.put("type", ProblemTypes.uri(rule));
    p.put("title", ProblemTypes.title(status));
    p.put("status", status.value());
    p.put("detail", detail);
    p.put("instance", INSTANCE);
    p.put("rule", rule);
    p.put("field", field);
    p.put("commandId", c.commandId());
    p.put("commandType", c.commandType());
    return p;
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
