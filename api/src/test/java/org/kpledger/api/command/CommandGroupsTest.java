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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * one group runs once; a member creating an id the store holds, or one an earlier member creates,
 * is answered alone without failing its group.
 */
class CommandGroupsTest {
  private final CommandGateway gateway = mock(CommandGateway.class);
  private final CommandReceipts receipts = mock(CommandReceipts.class);
  private final TakenIds takenIds = mock(TakenIds.class);
  private final CommandGroups groups =
      new CommandGroups(
          gateway,
          NoTransactionManager.INSTANCE,
          receipts,
          takenIds,
          new SimpleMeterRegistry(),
          true,
          25);
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

  @Test
  void aMemberCreatingAnIdTheStoreHoldsIsAnsweredAloneAndTheOthersCommitted() throws Exception {
    when(receipts.findAll(anyCollection())).thenReturn(Map.of());
    when(takenIds.taken(anyCollection())).thenReturn(Set.of("LOT-2"));
    when(gateway.sendAndWait(any()))
        .thenAnswer(i -> outcome((String) ((CommandMessage<?>) i.getArgument(0)).getPayload()));
    List<Optional<CommandOutcome>> answers =
        inOneGroup(Map.of("c1", List.of("LOT-1"), "c2", List.of("LOT-2"), "c3", List.of()));

    assertThat(answers)
        .extracting(a -> a.map(CommandOutcome::commandId).orElse("alone"))
        .containsExactly("c1", "alone", "c3");
    verify(gateway, times(2)).sendAndWait(any());
    // one statement for the whole group, with every id its members create
    verify(takenIds, times(1)).taken(List.of("LOT-1", "LOT-2"));
  }

  @Test
  void aMemberCreatingAnIdAnEarlierMemberCreatesIsAnsweredAlone() throws Exception {
    when(receipts.findAll(anyCollection())).thenReturn(Map.of());
    when(takenIds.taken(anyCollection())).thenReturn(Set.of());
    when(gateway.sendAndWait(any()))
        .thenAnswer(i -> outcome((String) ((CommandMessage<?>) i.getArgument(0)).getPayload()));
    List<Optional<CommandOutcome>> answers =
        inOneGroup(
            Map.of(
                "c1", List.of("P-1", "P-2"),
                "c2", List.of("P-3", "P-2"),
                "c3", List.of("P-3")));

    assertThat(answers)
        .extracting(a -> a.map(CommandOutcome::commandId).orElse("alone"))
        .as("c2 would create P-2 a second time; c3's P-3 is free once c2 is out")
        .containsExactly("c1", "alone", "c3");
  }

  private List<Optional<CommandOutcome>> inOneGroup(String... ids) throws Exception {
    Map<String, List<String>> none = new LinkedHashMap<>();
    for (String id : ids) {
      none.putIfAbsent(id, List.of());
    }
    return inOneGroup(List.of(ids), none);
  }

  private List<Optional<CommandOutcome>> inOneGroup(Map<String, List<String>> created)
      throws Exception {
    return inOneGroup(created.keySet().stream().sorted().toList(), created);
  }

  private List<Optional<CommandOutcome>> inOneGroup(
      List<String> ids, Map<String, List<String>> created) throws Exception {
    List<Future<Optional<CommandOutcome>>> futures = new ArrayList<>();
    groups.writer().lock();
    try {
      for (String id : ids) {
        futures.add(requests.submit(() -> groups.commit(id, created.get(id), () -> message(id))));
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
