package org.kpledger.api.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Group commit of single commands ({@code POST /api/commands}): request threads verify their
 * envelopes in parallel and hand the verified command here; one writer thread takes whatever is
 * queued (up to {@code kp.commands.group-commit.max-commands}, never waiting for more, so an idle
 * node adds no latency) and runs it as {@link CommandBatchService} runs a batch: one unit of work
 * and one transaction, each command in its own nested unit of work with its own receipt. Each
 * request is answered only after that transaction committed, so an acknowledged command is written
 * exactly as a command alone is ({@code StorageDurability}).
 *
 * <p>When any member fails (a custody rule, an unknown item, a conflict, anything), the whole group
 * rolls back and every member is judged again alone on the single path, so its answer is the one it
 * would have had alone. Rolling back only the failing member is unsafe in Axon 4: loaded aggregates
 * live in the root unit of work, and a handler that applied part of a command before its refusal
 * ({@code MergeAndSplitHandler}: a source gave up its contents, the next one refused) would leave
 * in-memory state a later member is judged on.
 *
 * <p>Groups and batches share one lock ({@link #writer()}): they never interleave, and a batch
 * waits for at most the group being written.
 */
@Component
class CommandGroups {
  private static final Logger LOG = LoggerFactory.getLogger(CommandGroups.class);

  /** Wakes the writer to stop. */
  private static final Member STOP =
      new Member("", List.of(), () -> null, new CompletableFuture<>());

  private final CommandGateway gateway;
  private final TransactionManager transactions;
  private final CommandReceipts receipts;
  private final TakenIds takenIds;
  private final boolean enabled;
  private final int maxCommands;
  private final BlockingQueue<Member> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter committed;
  private final Counter retriedAlone;
  private final DistributionSummary sizes;
  private final Thread thread;
  private volatile boolean stopping;

  /**
   * Batches and groups run one at a time. A batch or group holds the lock of every aggregate it
   * touched until it commits, and two of them reading the same miners, sites and zones in different
   * orders would deadlock each other; their envelopes are still verified in parallel, before it.
   */
  private final ReentrantLock writer = new ReentrantLock(true);

  CommandGroups(
      CommandGateway gateway,
      TransactionManager transactions,
      CommandReceipts receipts,
      TakenIds takenIds,
      MeterRegistry registry,
      @Value("${kp.commands.group-commit.enabled:true}") boolean enabled,
      @Value("${kp.commands.group-commit.max-commands:25}") int maxCommands) {
    if (maxCommands < 1) {
      throw new IllegalArgumentException(
          "kp.commands.group-commit.max-commands must be at least 1, not " + maxCommands);
    }
    this.gateway = gateway;
    this.transactions = transactions;
    this.receipts = receipts;
    this.takenIds = takenIds;
    this.enabled = enabled;
    this.maxCommands = maxCommands;
    this.committed = groups(registry, "committed");
    this.retriedAlone = groups(registry, "retried-alone");
    this.sizes =
        DistributionSummary.builder("kp.commands.group.size")
            .description("Single commands committed together in one transaction")
            .register(registry);
    this.thread = new Thread(this::write, "kp-command-group-writer");
    thread.setDaemon(true);
    if (enabled) {
      thread.start();
    }
  }

  private static Counter groups(MeterRegistry registry, String outcome) {
    return Counter.builder("kp.commands.groups")
        .description("Groups of single commands, committed or rolled back and retried alone")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** The lock batches and groups take: one writes at a time. */
  ReentrantLock writer() {
    return writer;
  }

  /** Whether single commands are committed in groups ({@code kp.commands.group-commit.enabled}). */
  boolean enabled() {
    return enabled;
  }

  /** Commands handed here and not yet answered (a test hook). */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Runs the command in the next group and returns its outcome once the group committed, or empty
   * when it must be judged alone: its group failed, the group already held its commandId, the
   * ledger holds a receipt of it (a retry, or a concurrent retry recorded it first), or an id it
   * creates is taken, in the store or by an earlier member of its group.
   *
   * @param commandId the command's id (a group holds each id once)
   * @param created the ids of the aggregates the command creates
   * @param message makes the command's message when the group runs it (its recordedAt then)
   */
  Optional<CommandOutcome> commit(
      String commandId, List<String> created, Supplier<CommandMessage<?>> message) {
    Member member = new Member(commandId, created, message, new CompletableFuture<>());
    inFlight.incrementAndGet();
    try {
      queue.add(member);
      if (stopping && queue.remove(member)) {
        // the node is stopping and the writer may be gone: judged alone, unless the writer took it
        answerAlone(List.of(member));
      }
      return member.outcome().join();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void write() {
    while (!stopping) {
      List<Member> group = new ArrayList<>();
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      writer.lock();
      try {
        // those that came while a batch or the previous group held the lock join this group
        queue.drainTo(group, maxCommands - 1);
        group.remove(STOP);
        if (!group.isEmpty()) {
          run(group);
        }
      } catch (RuntimeException | Error e) {
        LOG.error("the command group writer failed; its commands are judged alone", e);
        answerAlone(group);
      } finally {
        writer.unlock();
      }
    }
    List<Member> left = new ArrayList<>();
    queue.drainTo(left);
    answerAlone(left);
  }

  /**
   * Runs a group and answers its members, all after its commit or rollback. Two statements find the
   * members that would fail it: those with a receipt, and those creating an id the store holds; a
   * member creating an id an earlier member creates would fail it too. Each of those is judged
   * alone after the commit, and answered as it would have been alone: from its receipt, or refused.
   */
  private void run(List<Member> queued) {
    Map<String, CommandReceipts.Receipt> recorded =
        receipts.findAll(queued.stream().map(Member::commandId).toList());
    Set<String> taken = takenIds.taken(queued.stream().flatMap(m -> m.created().stream()).toList());
    List<Member> group = new ArrayList<>();
    List<Member> alone = new ArrayList<>();
    Set<String> commandIds = new HashSet<>();
    Set<String> creating = new HashSet<>();
    for (Member m : queued) {
      boolean fails =
          recorded.containsKey(m.commandId())
              || !commandIds.add(m.commandId())
              || m.created().stream().anyMatch(id -> taken.contains(id) || creating.contains(id));
      if (fails) {
        alone.add(m);
      } else {
        creating.addAll(m.created());
        group.add(m);
      }
    }
    List<CommandOutcome> outcomes = group.isEmpty() ? List.of() : execute(group);
    if (outcomes == null) {
      retriedAlone.increment();
      alone.addAll(group);
    } else if (!group.isEmpty()) {
      committed.increment();
      sizes.record(group.size());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).outcome().complete(Optional.of(outcomes.get(i)));
      }
    }
    // after the commit: a repeated commandId is then answered from its receipt
    answerAlone(alone);
  }

  /** The members' outcomes in order once committed; null when the group rolled back. */
  private List<CommandOutcome> execute(List<Member> group) {
    UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command group"));
    root.resources().put(ReceiptInterceptor.BATCH, Boolean.TRUE);
    List<CommandOutcome> outcomes = new ArrayList<>(group.size());
    try {
      root.attachTransaction(transactions);
      for (Member m : group) {
        outcomes.add(gateway.sendAndWait(m.message().get()));
      }
      root.commit();
      return outcomes;
    } catch (RuntimeException | Error e) {
      // whatever failed, nothing of the group stays: each member is judged alone on the single path
      if (root.isActive() && root.phase().isBefore(UnitOfWork.Phase.ROLLBACK)) {
        root.rollback(e);
      }
      return null;
    }
  }

  private static void answerAlone(List<Member> members) {
    members.forEach(m -> m.outcome().complete(Optional.empty()));
  }

  /**
   * Stops the writer after the group it is writing (never interrupted: an interrupt closes H2's
   * file); what is still queued is judged alone.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    queue.add(STOP);
    thread.join(10_000);
    List<Member> left = new ArrayList<>();
    queue.drainTo(left);
    answerAlone(left);
  }

  private record Member(
      String commandId,
      List<String> created,
      Supplier<CommandMessage<?>> message,
      CompletableFuture<Optional<CommandOutcome>> outcome) {}
}
