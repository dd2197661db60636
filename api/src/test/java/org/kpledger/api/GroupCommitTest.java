package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.api.command.CommandGroupsProbe;
import org.kpledger.api.command.CommandReceipts;
import org.kpledger.api.storage.CommandKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Group commit ({@code kp.commands.group-commit.enabled}, on by default): single commands sent at
 * the same time are committed together in one transaction, each answered after that commit, each
 * recorded once with its own receipt; a group with a refused member rolls back whole and every
 * member gets the answer it would have had alone. Groups are formed deterministically here by
 * holding the writer lock ({@link CommandGroupsProbe}) while the requests queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest extends LedgerTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired private ApplicationContext node;
  @Autowired private MeterRegistry meters;
  @Autowired private CommandReceipts receipts;
  private CarFixture car;
  private CommandGroupsProbe groups;
  private final ExecutorService clients = Executors.newFixedThreadPool(8);

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "GC-").setUp();
    groups = new CommandGroupsProbe(node);
  }

  @AfterAll
  void stopClients() {
    clients.shutdownNow();
  }

  private String purchase(String lot, String miner) {
    return Envelopes.sign(
        PKI.get("col-ndoumba"),
        "RecordPurchase",
        car.purchase(lot, miner, "S-W", "0.10", "AGR-1", 2));
  }

  @Test
  void concurrentSingleCommandsAreEachRecordedOnceAndLeafedOnce() throws Exception {
    long events = eventCount();
    List<Future<Answer>> answers = new ArrayList<>();
    List<String> envelopes = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      for (int i = 0; i < 6; i++) {
        envelopes.add(purchase("C-" + t + "-" + i, i % 2 == 0 ? "M-1" : "M-2"));
      }
    }
    for (int t = 0; t < 8; t++) {
      List<String> mine = envelopes.subList(t * 6, t * 6 + 6);
      answers.add(
          clients.submit(
              () -> {
                Answer last = null;
                for (String e : mine) {
                  last = post(e);
                  assertThat(last.status()).as(last.body().toString()).isEqualTo(200);
                }
                return last;
              }));
    }
    for (Future<Answer> a : answers) {
      a.get();
    }
    long reported = 0;
    List<String> eventIds = new ArrayList<>();
    for (String e : envelopes) {
      String commandId = json(e).path("commandId").asText();
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM command_receipt WHERE command_key = ? AND http_status = 200",
                  Long.class,
                  CommandKey.of(commandId)))
          .as("receipts of " + commandId)
          .isEqualTo(1);
      JsonNode outcome = JSON.readTree(receipts.find(commandId).orElseThrow().outcome());
      assertThat(outcome.path("eventIds")).hasSize(2);
      for (JsonNode id : outcome.path("eventIds")) {
        assertThat(
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = ?",
                    Long.class,
                    id.asText()))
            .as("copies of event " + id)
            .isEqualTo(1);
        eventIds.add(id.asText());
      }
      reported += outcome.path("eventIds").size();
    }
    assertThat(eventCount() - events).as("events stored").isEqualTo(reported);
    awaitTrue(
        "every event of the run leafed", () -> eventIds.stream().allMatch(id -> leaves(id) == 1));
    assertThat(eventIds)
        .allSatisfy(id -> assertThat(leaves(id)).as("leaves of " + id).isEqualTo(1));
  }

  @Test
  void concurrentSingleCommandsAreCommittedInOneTransaction() throws Exception {
    double groupsBefore = sizes().count();
    double membersBefore = sizes().totalAmount();
    List<Future<Answer>> answers = new ArrayList<>();
    groups.hold();
    try {
      for (int t = 0; t < 8; t++) {
        String envelope = purchase("T-" + t, "M-1");
        answers.add(clients.submit(() -> post(envelope)));
      }
      awaitTrue("8 commands waiting for the writer", () -> groups.inFlight() == 8);
    } finally {
      groups.release();
    }
    for (Future<Answer> a : answers) {
      assertThat(a.get().status()).as(a.get().body().toString()).isEqualTo(200);
    }
    assertThat(sizes().count() - groupsBefore).as("groups committed").isEqualTo(1);
    assertThat(sizes().totalAmount() - membersBefore).as("commands in them").isEqualTo(8);
  }

  @Test
  void aRefusedMemberRollsItsGroupBackAndEveryMemberGetsItsAnswerAlone() throws Exception {
    long attempts = refusedAttemptCount();
    double retried = retriedAlone().count();
    String first = purchase("R-1", "M-1");
    String refusedPurchase = purchase("R-2", "M-EXP");
    String last = purchase("R-3", "M-2");
    List<Future<Answer>> answers = inOneGroup(first, refusedPurchase, last);

    assertThat(answers.get(0).get().status()).isEqualTo(200);
    assertThat(answers.get(2).get().status()).isEqualTo(200);
    Answer refused = answers.get(1).get();
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().path("rule").asText()).isEqualTo("PATENTE_NOT_VALID");
    assertThat(refused.body().path("field").asText()).isEqualTo("payload.minerId");
    assertThat(refused.body().path("instance").asText()).isEqualTo("/api/commands");
    assertThat(refusedAttemptCount() - attempts).as("refused attempts kept").isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                car.p + "R-2"))
        .as("events of the refused purchase")
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT http_status FROM command_receipt WHERE command_key = ?",
                Integer.class,
                CommandKey.of(json(refusedPurchase).path("commandId").asText())))
        .isEqualTo(422);
    assertThat(retriedAlone().count() - retried).as("groups retried alone").isEqualTo(1);
    // the refused envelope again: its first answer, from its receipt
    Answer again = post(refusedPurchase);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body()).isEqualTo(refused.body());
  }

  /**
   * A merge whose second source is unknown is refused after its first source gave up its contents
   * in memory ({@code MergeAndSplitHandler}). The group rolls back whole, so an offer of that
   * source queued after it is judged on what was stored, never on a parcel that gave itself up (the
   * partial-apply hazard of rolling back one nested unit of work: docs/benchmarks.md, "Group commit
   * of single commands").
   */
  @Test
  void aMemberAfterAPartlyAppliedRefusedMergeIsJudgedOnWhatWasStored() throws Exception {
    ok("col-ndoumba", "RecordPurchase", car.purchase("P-1", "M-1", "S-W", "1.00", "AGR-1", 2));
    String merge =
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "MergeParcels",
            obj(
                "parcelId",
                car.p + "P-M",
                "sourceParcelIds",
                arr(car.p + "P-1", car.p + "P-NOBODY"),
                "carats",
                num("1.00")));
    String offer =
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "OfferTransfer",
            obj(
                "parcelId",
                car.p + "P-1",
                "transferId",
                car.p + "TR-P1",
                "toParty",
                "BO-ALPHA",
                "sealId",
                "BAG-P1"));
    List<Future<Answer>> answers = inOneGroup(merge, offer);

    // judged again alone, the two run in either order (as any two concurrent requests do): the
    // merge is refused for its unknown second source, or for its first being offered meanwhile
    Answer refused = answers.get(0).get();
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.body().path("rule").asText()).isIn("UNKNOWN_ITEM", "TRANSFER_PENDING");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                car.p + "P-M"))
        .as("events of the refused merge")
        .isZero();
    Answer offered = answers.get(1).get();
    assertThat(offered.status()).as(offered.body().toString()).isEqualTo(200);
    List<Long> sequence =
        jdbc.queryForList(
            "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number",
            Long.class,
            car.p + "P-1");
    assertThat(sequence).as("P-1's events: purchased, offered").containsExactly(0L, 1L);
  }

  @Test
  void theSameEnvelopeSentTwiceAtOnceIsAcceptedOnceAndReplayedOnce() throws Exception {
    String envelope = purchase("D-1", "M-1");
    long events = eventCount();
    List<Future<Answer>> answers = inOneGroup(envelope, envelope);

    Answer one = answers.get(0).get();
    Answer other = answers.get(1).get();
    assertThat(one.status()).as(one.body().toString()).isEqualTo(200);
    assertThat(other.status()).as(other.body().toString()).isEqualTo(200);
    assertThat(other.body()).isEqualTo(one.body());
    assertThat(eventCount() - events).as("events stored").isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM command_receipt WHERE command_key = ?",
                Long.class,
                CommandKey.of(json(envelope).path("commandId").asText())))
        .isEqualTo(1);
  }

  @Test
  void aRetriedCommandIsAnsweredFromItsReceiptWhetherOrNotItCreatesIds() {
    // a command bound for a group is not looked up before it is queued: its group finds its
    // receipt (and, for one that created ids, those ids taken by itself) and sends it back to be
    // judged alone, which answers it from its receipt
    String purchase = purchase("RT-1", "M-1");
    String offer =
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "OfferTransfer",
            obj(
                "parcelId",
                car.p + "RT-1",
                "transferId",
                car.p + "TR-RT1",
                "toParty",
                "BO-ALPHA",
                "sealId",
                "BAG-RT1"));
    Answer purchased = post(purchase);
    Answer offered = post(offer);
    assertThat(purchased.status()).as(purchased.body().toString()).isEqualTo(200);
    assertThat(offered.status()).as(offered.body().toString()).isEqualTo(200);
    long events = eventCount();
    double retried = retriedAlone().count();

    assertThat(post(purchase)).as("the purchase retried").isEqualTo(purchased);
    assertThat(post(offer)).as("the offer retried").isEqualTo(offered);
    assertThat(eventCount()).as("nothing stored again").isEqualTo(events);
    assertThat(retriedAlone().count()).as("no group rolled back").isEqualTo(retried);

    Answer reused =
        post(
            Envelopes.sign(
                PKI.get("col-ndoumba"),
                "OfferTransfer",
                json(offer).path("commandId").asText(),
                Instant.now(),
                obj(
                    "parcelId",
                    car.p + "RT-1",
                    "transferId",
                    car.p + "TR-RT2",
                    "toParty",
                    "BO-ALPHA",
                    "sealId",
                    "BAG-RT2")));
    assertThat(reused.status()).as(reused.body().toString()).isEqualTo(409);
    assertThat(reused.body().path("rule").asText()).isEqualTo("COMMAND_ID_REUSED");
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void membersCreatingTakenIdsAreRefusedWithoutRollingTheirGroupBack() throws Exception {
    Answer earlier = post(purchase("TK-1", "M-1"));
    assertThat(earlier.status()).as(earlier.body().toString()).isEqualTo(200);
    long events = eventCount();
    double retried = retriedAlone().count();
    double groupsBefore = sizes().count();
    double membersBefore = sizes().totalAmount();

    // TK-1 is in the store; TK-2 is created by the second member and again by the fourth
    List<Future<Answer>> answers =
        inOneGroup(
            purchase("TK-1", "M-2"),
            purchase("TK-2", "M-1"),
            purchase("TK-3", "M-2"),
            purchase("TK-2", "M-2"));

    for (int i : new int[] {0, 3}) {
      Answer taken = answers.get(i).get();
      assertThat(taken.status()).as(taken.body().toString()).isEqualTo(409);
      assertThat(taken.contentType()).startsWith("application/problem+json");
      assertThat(taken.body().path("rule").asText()).isEqualTo("ALREADY_EXISTS");
      assertThat(taken.body().path("field").asText()).isEqualTo("payload.lotId");
    }
    assertThat(answers.get(1).get().status()).isEqualTo(200);
    assertThat(answers.get(2).get().status()).isEqualTo(200);
    assertThat(retriedAlone().count()).as("no group rolled back").isEqualTo(retried);
    assertThat(sizes().count() - groupsBefore).as("groups committed").isEqualTo(1);
    assertThat(sizes().totalAmount() - membersBefore).as("commands in them").isEqualTo(2);
    assertThat(eventCount() - events).as("events of TK-2 and TK-3").isEqualTo(4);
    assertThat(
            jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                car.p + "TK-1"))
        .as("TK-1's events: its first purchase only")
        .containsExactly(0L);
  }

  /** Sends the envelopes in this order while the writer is held, then lets it run them. */
  private List<Future<Answer>> inOneGroup(String... envelopes) {
    List<Future<Answer>> answers = new ArrayList<>();
    groups.hold();
    try {
      for (String envelope : envelopes) {
        answers.add(clients.submit(() -> post(envelope)));
        int queued = answers.size();
        awaitTrue(queued + " commands waiting for the writer", () -> groups.inFlight() == queued);
      }
    } finally {
      groups.release();
    }
    return answers;
  }

  private DistributionSummary sizes() {
    return meters.get("kp.commands.group.size").summary();
  }

  private Counter retriedAlone() {
    return meters.get("kp.commands.groups").tag("outcome", "retried-alone").counter();
  }

  private long leaves(String eventId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM merkle_leaf WHERE event_id = CAST(? AS UUID)", Long.class, eventId);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
