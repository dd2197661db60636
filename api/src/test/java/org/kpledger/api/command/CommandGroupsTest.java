package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.CustodyRuleViolation;

/**
 * {@link CommandGroups} on its own, Axon's gateway mocked: what queued while the writer was held is
 * one group; a group with a failing member answers every member "alone"; a commandId seen twice in
 * one group runs once.
 */
class CommandGroupsTest {
  private final CommandGateway gateway = mock(CommandGateway.class);
  private final CommandReceipts receipts = mock(CommandReceipts.class);
  private final CommandGroups groups =
      new CommandGroups(
          gateway, NoTransactionManager.INSTANCE, receipts, new SimpleMeterRegistry(), true, 25);
  private final ExecutorService requests = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() throws InterruptedException {
    requests.shutdownNow();
    groups.stop();
  }

  private static CommandOutcome outcome(String id) {
    return new CommandOutcome(id, "RegisterZone", id, List.of("event-" + id));
  }

  private static CommandMessage<?> message(String id) {
    return new GenericCommandMessage<>(id);
  }

  @Test
  void whatQueuedWhileTheWriterWasBusyIsCommittedAsOneGroup() throws Exception {
    when(receipts.findAll(anyCollection())).thenReturn(Map.of());
    when(gateway.sendAndWait(any()))
        .thenAnswer(i -> outcome((String) ((CommandMessage<?>) i.getArgument(0)).getPayload()));
    List<Optional<CommandOutcome>> answers = inOneGroup("c1", "c2", "c3");

    assertThat(answers)
        .extracting(a -> a.map(CommandOutcome::commandId).orElse("alone"))
        .containsExactly("c1", "c2", "c3");
  }

  @Test
  void aGroupWithAFailingMemberAnswersEveryMemberAlone() throws Exception {
    when(receipts.findAll(anyCollection())).thenReturn(Map.of());
    when(gateway.sendAndWait(any()))
        .thenReturn(outcome("c1"))
        .thenThrow(new CustodyRuleViolation("PATENTE_NOT_VALID", "minerId", "expired"));
    List<Optional<CommandOutcome>> answers = inOneGroup("c1", "c2", "c3");

    assertThat(answers).allSatisfy(a -> assertThat(a).isEmpty());
    verify(gateway, times(2)).sendAndWait(any());
  }

  @Test
  void aCommandIdTwiceInOneGroupRunsOnceAndTheOtherIsAnsweredAlone() throws Exception {
    when(receipts.findAll(anyCollection())).thenReturn(Map.of());
    when(gateway.sendAndWait(any())).thenReturn(outcome("c1"));
    List<Optional<CommandOutcome>> answers = inOneGroup("c1", "c1");

    assertThat(answers.get(0)).isPresent();
    assertThat(answers.get(1)).isEmpty();
    verify(gateway, times(1)).sendAndWait(any());
  }

  private List<Optional<CommandOutcome>> inOneGroup(String... ids) throws Exception {
    List<Future<Optional<CommandOutcome>>> futures = new ArrayList<>();
    groups.writer().lock();
    try {
      for (String id : ids) {
        futures.add(requests.submit(() -> groups.commit(id, () -> message(id))));
        int queued = futures.size();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (groups.inFlight() < queued) {
          assertThat(Instant.now()).as("commands queued").isBefore(deadline);
          Thread.sleep(5);
        }
      }
    } finally {
      groups.writer().unlock();
    }
    List<Optional<CommandOutcome>> answers = new ArrayList<>();
    for (Future<Optional<CommandOutcome>> f : futures) {
      answers.add(f.get());
    }
    return answers;
  }
}
