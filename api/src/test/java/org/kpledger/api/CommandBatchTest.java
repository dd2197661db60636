package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.identity.Role;

/**
 * {@code POST /api/commands/batch}: many signed envelopes recorded together or not at all, each
 * checked as a single command is, each with its own receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandBatchTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "CB-").setUp();
  }

  private String purchase(String lot, String miner, String carats) {
    return Envelopes.sign(
        PKI.get("col-ndoumba"),
        "RecordPurchase",
        car.purchase(lot, miner, "S-W", carats, "AGR-1", 2));
  }

  private String offer(String lot, String transfer) {
    return Envelopes.sign(
        PKI.get("col-ndoumba"),
        "OfferTransfer",
        obj(
            "parcelId",
            car.p + lot,
            "transferId",
            car.p + transfer,
            "toParty",
            "BO-ALPHA",
            "sealId",
            "BAG-" + lot));
  }

  private String accept(String lot, String transfer) {
    return Envelopes.sign(
        PKI.get("alpha-buyer"),
        "AcceptTransfer",
        obj(
            "parcelId",
            car.p + lot,
            "transferId",
            car.p + transfer,
            "receiverLicence",
            car.p + "EXP-ALPHA"));
  }

  private static String batch(String... envelopes) {
    return "{\"commands\": [" + String.join(",\n ", envelopes) + "]}";
  }

  private Answer postBatch(String body) {
    return post(body, "application/json", "/api/commands/batch");
  }

  @Test
  void recordsEveryCommandInOrderWithItsOwnReceipt() {
    List<String> envelopes =
        List.of(
            purchase("A-1", "M-1", "2.00"),
            purchase("A-2", "M-2", "3.00"),
            offer("A-1", "TR-A1"),
            accept("A-1", "TR-A1"),
            offer("A-2", "TR-A2"),
            accept("A-2", "TR-A2"),
            Envelopes.sign(
                PKI.get("alpha-buyer"),
                "MergeParcels",
                obj(
                    "parcelId",
                    car.p + "A-P",
                    "sourceParcelIds",
                    arr(car.p + "A-1", car.p + "A-2"),
                    "carats",
                    num("5.00"))));
    long events = eventCount();
    Answer a = postBatch(batch(envelopes.toArray(String[]::new)));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    JsonNode outcomes = a.body().path("commands");
    assertThat(outcomes).hasSize(envelopes.size());
    long reported = 0;
    for (int i = 0; i < envelopes.size(); i++) {
      JsonNode envelope = json(envelopes.get(i));
      JsonNode outcome = outcomes.get(i);
      assertThat(outcome.path("commandId").asText()).isEqualTo(envelope.path("commandId").asText());
      assertThat(outcome.path("commandType").asText())
          .isEqualTo(envelope.path("commandType").asText());
      assertThat(outcome.path("eventIds")).as(outcome.toString()).isNotEmpty();
      for (JsonNode id : outcome.path("eventIds")) {
        assertThat(
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = ?",
                    Long.class,
                    id.asText()))
            .isEqualTo(1);
      }
      reported += outcome.path("eventIds").size();
    }
    assertThat(outcomes.get(0).path("result").asText()).isEqualTo(car.p + "A-1");
    assertThat(eventCount() - events).as("events stored").isEqualTo(reported);

    // Each envelope alone, and the whole batch again, get their first answers; nothing is added.
    Answer alone = post(envelopes.get(3));
    assertThat(alone.status()).isEqualTo(200);
    assertThat(alone.body()).isEqualTo(outcomes.get(3));
    Answer again = postBatch(batch(envelopes.toArray(String[]::new)));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(a.body());
    assertThat(eventCount() - events).isEqualTo(reported);
  }

  @Test
  void aRefusedCommandRecordsNothingOfTheBatchAndKeepsItsRefusal() {
    ok("col-ndoumba", "RecordPurchase", car.purchase("R-1", "M-1", "S-W", "1.50", "AGR-1", 3));
    long events = eventCount();
    long attempts = refusedAttemptCount();
    String refusedPurchase = purchase("R-3", "M-EXP", "1.00");
    String body = batch(purchase("R-2", "M-1", "1.00"), offer("R-1", "TR-R1"), refusedPurchase);
    Answer a = postBatch(body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("index").asInt()).isEqualTo(2);
    assertThat(a.body().path("field").asText()).isEqualTo("commands[2].payload.minerId");
    assertThat(a.body().path("rule").asText()).isEqualTo("PATENTE_NOT_VALID");
    assertThat(a.body().path("commandId").asText())
        .isEqualTo(json(refusedPurchase).path("commandId").asText());
    assertThat(a.body().path("detail").asText()).contains("nothing in this batch was recorded");
    assertThat(eventCount()).as("events").isEqualTo(events);
    assertThat(refusedAttemptCount()).as("refused attempts").isEqualTo(attempts + 1);

    // The offer of R-1 was rolled back with the batch, in the aggregate cache too: its transfer
    // cannot be accepted, and another offer of R-1 is taken.
    Answer acceptRolledBack = post(accept("R-1", "TR-R1"));
    assertThat(acceptRolledBack.status()).as(acceptRolledBack.body().toString()).isEqualTo(422);
    assertThat(post(offer("R-1", "TR-R1B")).status()).isEqualTo(200);
    // R-2 was never bought.
    Answer offerR2 = post(offer("R-2", "TR-R2"));
    assertThat(offerR2.status()).isEqualTo(422);
    assertThat(offerR2.body().path("rule").asText()).isEqualTo("UNKNOWN_ITEM");

    // The same batch again: its third command already has an answer of its own.
    Answer again = postBatch(body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("rule").asText()).isEqualTo("COMMAND_ALREADY_RECORDED");
    assertThat(again.body().path("field").asText()).isEqualTo("commands[2].commandId");
  }

  @Test
  void badBatchesAreRefusedWithTheFieldAndChangeNothing() throws Exception {
    String good = purchase("B-1", "M-1", "1.00");
    refusedBatch("[" + good + "]", 400, "MALFORMED_JSON", null);
    refusedBatch("{\"commands\": " + good + "}", 400, "BATCH_NOT_AN_ARRAY", "commands");
    refusedBatch("{\"commands\": []}", 400, "BATCH_EMPTY", "commands");
    refusedBatch("{}", 400, "BATCH_EMPTY", "commands");
    refusedBatch("{\"commands\": [" + good + ", 7]}", 400, "BATCH_NOT_AN_ENVELOPE", "commands[1]");
    refusedBatch(
        "{\"commands\": [" + good + "], \"atomic\": false}", 400, "BATCH_UNKNOWN_FIELD", "atomic");
    refusedBatch("{\"commands\": [" + good + "]", 400, "MALFORMED_JSON", null);
    refusedBatch(batch(good, good), 400, "COMMAND_ID_REPEATED", "commands[1].commandId");
    String oversized = String.join(",", Collections.nCopies(2_200_000 / good.length() + 1, good));
    refusedBatch("{\"commands\": [" + oversized + "]}", 413, null, null);
    String tooMany = String.join(",", Collections.nCopies(501, "{}"));
    refusedBatch("{\"commands\": [" + tooMany + "]}", 400, "BATCH_TOO_LARGE", "commands");
    refusedBatch(
        batch(good, Envelopes.without(purchase("B-2", "M-1", "1.00"), "signature")),
        400,
        "MALFORMED_ENVELOPE",
        "commands[1].signature");
    refusedBatch(
        batch(
            good,
            Envelopes.sign(
                PKI.get("alpha-buyer"),
                "RegisterZone",
                obj("zoneId", "Z-NOPE", "name", "n", "prefecture", "X"))),
        403,
        null,
        "commands[1]");
    var revoked = PKI.actor("BO-BETA", "beta-batch", Role.BUYER);
    refusedBatch(
        batch(
            good,
            Envelopes.sign(
                PKI.get("beta-buyer"),
                "PublishRevocationList",
                obj(
                    "crl",
                    Base64.getEncoder()
                        .encodeToString(
                            crl(
                                PKI.revocationList(
                                    "BO-BETA", revoked.certificate().getSerialNumber())))))),
        400,
        "NOT_IN_A_BATCH",
        "commands[1].commandType");
    // None of it was recorded: the good envelope alone is still new.
    assertThat(post(good).status()).isEqualTo(200);
  }

  @Test
  void concurrentBatchesOverTheSameMinersAllLand() throws Exception {
    int threads = 4;
    int batchesPerThread = 5;
    int perBatch = 12;
    List<List<String>> bodies = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<String> own = new ArrayList<>();
      Random random = new Random(t);
      for (int b = 0; b < batchesPerThread; b++) {
        List<String> envelopes = new ArrayList<>();
        for (int k = 0; k < perBatch; k++) {
          String miner = random.nextBoolean() ? "M-1" : "M-2";
          envelopes.add(purchase("C-" + t + "-" + b + "-" + k, miner, "0.10"));
        }
        own.add(batch(envelopes.toArray(String[]::new)));
      }
      bodies.add(own);
    }
    long events = eventCount();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (List<String> own : bodies) {
        results.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (String body : own) {
                    statuses.add(postBatch(body).status());
                  }
                  return statuses;
                }));
      }
      for (Future<List<Integer>> f : results) {
        assertThat(f.get()).containsOnly(200);
      }
    } finally {
      pool.shutdownNow();
    }
    // Each purchase writes two events (the lot and the site's sale).
    assertThat(eventCount() - events).isEqualTo(2L * threads * batchesPerThread * perBatch);
  }

  private void refusedBatch(String body, int status, String rule, String field) {
    long events = eventCount();
    long attempts = refusedAttemptCount();
    Answer a = postBatch(body);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    if (rule != null) {
      assertThat(a.body().path("rule").asText()).as(a.body().toString()).isEqualTo(rule);
    }
    if (field != null) {
      assertThat(a.body().path("field").asText()).as(a.body().toString()).startsWith(field);
    }
    assertThat(eventCount()).as("events").isEqualTo(events);
    assertThat(refusedAttemptCount()).as("refused attempts").isEqualTo(attempts);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] crl(java.security.cert.X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }
}
