package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.kpledger.api.problem.CommandRefusedException;
import org.kpledger.api.trust.TrustRoot;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.zone.RecordZoneDecisionCommand;
import org.kpledger.zone.RegisterZoneCommand;
import org.kpledger.zone.ZoneStatus;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CommandService} when the event store refuses a command's events because another command
 * (on another node sharing the database) appended to the same aggregate first: the command is
 * judged again on the new state, and answered 503 RETRY if it keeps losing, never 409
 * ALREADY_EXISTS unless an id it creates is really taken.
 */
class AppendConflictTest {
  private static final Actor MONITOR =
      new Actor("mt-monitor", "KP-MT", OrganisationType.MONITORING_TEAM, Role.MONITOR);

  private final EnvelopeVerifier verifier = mock(EnvelopeVerifier.class);
  private final CommandReceipts receipts = mock(CommandReceipts.class);
  private final RefusedAttempts refused = mock(RefusedAttempts.class);
  private final CommandGateway gateway = mock(CommandGateway.class);
  private final TakenIds takenIds = mock(TakenIds.class);
  private final CommandService service =
      new CommandService(
          verifier,
          receipts,
          refused,
          gateway,
          mock(TransactionTemplate.class),
          mock(TrustRoot.class),
          takenIds,
          Clock.systemUTC(),
          new ObjectMapper(),
          // alone, as with kp.commands.group-commit.enabled=false: this class tests the single path
          new CommandGroups(
              gateway,
              mock(TransactionManager.class),
              receipts,
              takenIds,
              new SimpleMeterRegistry(),
              false,
              25));

  @Test
  void anAppendThatLostARaceIsJudgedAgainOnTheNewState() {
    VerifiedCommand decision = decision();
    when(gateway.sendAndWait(any()))
        .thenThrow(new ConcurrencyException("sequence 7 of NOLA already inserted"))
        .thenReturn(
            new CommandOutcome(decision.commandId(), "RecordZoneDecision", null, List.of("e1")));

    Submission answer = service.submit("body");

    assertThat(answer.status()).isEqualTo(200);
    verify(gateway, times(2)).sendAndWait(any());
    verify(refused, never()).record(any(), any(), any());
  }

  @Test
  void anAppendThatKeepsLosingIsAnswered503RetryNotAlreadyExists() {
    decision();
    when(gateway.sendAndWait(any()))
        .thenThrow(new ConcurrencyException("sequence 7 of NOLA already inserted"));

    assertThatThrownBy(() -> service.submit("body"))
        .isInstanceOfSatisfying(
            CommandRefusedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(e.rule()).isEqualTo("RETRY");
            });
    verify(gateway, times(3)).sendAndWait(any());
    verify(refused, never()).record(any(), any(), any());
  }

  @Test
  void aRaceForAnIdThatIsNowTakenIsStillAlreadyExists() {
    RegisterZoneCommand zone = new RegisterZoneCommand("NOLA", "Nola", "Sangha-Mbaéré");
    when(verifier.verify("body"))
        .thenReturn(new VerifiedCommand("RegisterZone", "c2", zone, MONITOR, "{}", "hash"));
    when(receipts.find("c2")).thenReturn(Optional.empty());
    when(takenIds.firstTaken(any()))
        .thenReturn(Optional.empty())
        .thenReturn(Optional.of(new CreatedIds.Created("payload.zoneId", "NOLA")));
    when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("NOLA already created"));

    Submission answer = service.submit("body");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json()).contains("ALREADY_EXISTS").contains("payload.zoneId");
    verify(gateway, times(1)).sendAndWait(any());
  }

  private VerifiedCommand decision() {
    VerifiedCommand c =
        new VerifiedCommand(
            "RecordZoneDecision",
            "c1",
            new RecordZoneDecisionCommand(
                "NOLA", ZoneStatus.COMPLIANT, LocalDate.of(2016, 9, 19), "KP Chair"),
            MONITOR,
            "{}",
            "hash");
    when(verifier.verify("body")).thenReturn(c);
    when(receipts.find("c1")).thenReturn(Optional.empty());
    when(takenIds.firstTaken(any())).thenReturn(Optional.empty());
    return c;
  }
}
