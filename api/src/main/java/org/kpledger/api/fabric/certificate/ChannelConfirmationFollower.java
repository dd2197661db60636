package org.kpledger.api.fabric.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.kpledger.certificate.RecordChannelConfirmationCommand;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.custody.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the certificate registry's chaincode events on one thread from the {@link
 * ChannelCheckpoint} (block 0 the first time) and records each {@code CertificateConfirmed} on the
 * ledger's certificate ({@link RecordChannelConfirmationCommand}) with the block that holds the
 * confirming transaction ({@code qscc GetBlockByNumber}), the event's evidence for an auditor
 * ({@link LedgerMetaData#FABRIC_BLOCK}), then checkpoints it. A confirmation of a number this
 * ledger never issued (another node's, a test's) is skipped; one the certificate refuses (other
 * content, a second transaction) is logged as an error and skipped: it is a fact of the channel
 * that this ledger does not accept, and waiting would block every later confirmation. When the
 * stream breaks (peer down, network gone) it reopens from the checkpoint after {@code retry}; a
 * failure to record (database) leaves the checkpoint behind and reopens too.
 */
class ChannelConfirmationFollower implements SmartLifecycle {

  /** The contract's event for a confirmed receipt (its payload: the stored record). */
  public static final String CONFIRMED_EVENT = "CertificateConfirmed";

  private static final String QSCC = "qscc";
  private static final Logger LOG = LoggerFactory.getLogger(ChannelConfirmationFollower.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Network network;
  private final String chaincode;
  private final CommandGateway commands;
  private final ChannelCheckpoint checkpoint;
  private final Duration retry;
  private final Clock clock;
  private volatile boolean running;
  private volatile CloseableIterator<ChaincodeEvent> events;
  private Thread thread;

  /**
   * A follower, not yet started.
   *
   * @param network the channel
   * @param chaincode the chaincode whose events to follow
   * @param commands where confirmations are recorded
   * @param checkpoint where reading stands
   * @param retry how long to wait before reopening a broken stream
   * @param clock the node's clock, the record time of each confirmation
   */
  public ChannelConfirmationFollower(
      Network network,
      String chaincode,
      CommandGateway commands,
      ChannelCheckpoint checkpoint,
      Duration retry,
      Clock clock) {
    this.network = network;
    this.chaincode = chaincode;
    this.commands = commands;
    this.checkpoint = checkpoint;
    this.retry = retry;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::follow, "fabric-certificate-events");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    CloseableIterator<ChaincodeEvent> open = events;
    if (open != null) {
      open.close();
    }
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the command bus and the processors, stopped before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private void follow() {
    while (running) {
      try (CloseableIterator<ChaincodeEvent> stream =
          network
              .newChaincodeEventsRequest(chaincode)
              .startBlock(0)
              .checkpoint(checkpoint)
              .build()
              .getEvents()) {
        events = stream;
        while (running && stream.hasNext()) {
          handle(stream.next());
        }
      } catch (RuntimeException | IOException e) {
        if (running) {
          // the message only: a peer that stays down would print a stack trace every retry
          LOG.warn(
              "certificate events from the channel interrupted, reopening in {}: {}",
              retry,
              e.toString());
          pause();
        }
      }
    }
  }

  private void handle(ChaincodeEvent event) throws IOException {
    if (CONFIRMED_EVENT.equals(event.getEventName())) {
      record(event);
    }
    checkpoint.checkpointChaincodeEvent(event);
  }

  private void record(ChaincodeEvent event) throws IOException {
    JsonNode r = JSON.readTree(event.getPayload());
    String number = r.path("number").asText();
    RecordChannelConfirmationCommand command =
        new RecordChannelConfirmationCommand(
            number,
            network.getName(),
            event.getTransactionId(),
            event.getBlockNumber(),
            r.path("confirmedByMsp").asText(),
            r.path("contentHash").asText());
    String block = Base64.getEncoder().encodeToString(block(event.getBlockNumber()));
    try {
      commands.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .withMetaData(
                  MetaData.with(LedgerMetaData.RECORDED_AT, clock.instant().toString())
                      .and(LedgerMetaData.FABRIC_BLOCK, block)));
      LOG.info(
          "certificate {} confirmed on the channel by {} (tx {}, block {})",
          number,
          command.confirmingMsp(),
          command.txId(),
          command.blockNumber());
    } catch (AggregateNotFoundException e) {
      LOG.debug("confirmation of {} on the channel: not a certificate of this ledger", number);
    } catch (CustodyRuleViolation e) {
      LOG.error(
          "confirmation of {} on the channel (tx {}) refused by the ledger: {} {}",
          number,
          command.txId(),
          e.reasonCode(),
          e.getMessage());
    }
  }

  /**
   * The committed block, as the node's peer serves it; a failure leaves the event unrecorded and
   * the stream reopens from the checkpoint.
   */
  private byte[] block(long number) {
    try {
      return network
          .getContract(QSCC)
          .evaluateTransaction("GetBlockByNumber", network.getName(), Long.toString(number));
    } catch (GatewayException e) {
      throw new IllegalStateException("cannot fetch block " + number + ": " + e.getMessage(), e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(retry.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
