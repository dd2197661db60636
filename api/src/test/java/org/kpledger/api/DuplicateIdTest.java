package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A command that creates an id the ledger already holds is refused 409 {@code ALREADY_EXISTS}
 * naming the field, with the same answer whoever holds the id, and kept as a refused attempt; an id
 * created twice in one command or batch is refused 400 {@code ID_REPEATED} with nothing recorded.
 * Never a 500, never SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateIdTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "DI-").setUp();
    ok("col-ndoumba", "RecordPurchase", car.purchase("L-1", "M-1", "S-W", "1.00", "AGR-1", 2));
    ok("col-ndoumba", "RecordPurchase", car.purchase("L-2", "M-1", "S-W", "1.00", "AGR-1", 2));
  }

  private JsonNode taken(String body, String field) {
    long attempts = refusedAttemptCount();
    JsonNode p = refused(body, 409, "ALREADY_EXISTS");
    assertThat(p.path("field").asText()).isEqualTo(field);
    assertThat(p.path("instance").asText()).isEqualTo("/api/commands");
    assertThat(p.toString()).doesNotContain("SQL", "insert", "domain_event_entry", "Exception");
    assertThat(refusedAttemptCount()).as("refused attempts").isEqualTo(attempts + 1);
    return p;
  }

  private String purchase(String actor, String lot, String licence) {
    return Envelopes.sign(
        PKI.get(actor), "RecordPurchase", car.purchase(lot, "M-1", "S-W", "1.00", licence, 2));
  }

  @Test
  void refusesASiteIdThatIsTakenWith409NotAnSqlError() {
    taken(
        Envelopes.sign(
            PKI.get("kp-registrar"),
            "RegisterSite",
            obj(
                "siteId",
                car.p + "S-W",
                "name",
                "again",
                "zoneId",
                car.west(),
                "gps",
                obj("latitude", num("4.26"), "longitude", num("15.79")))),
        "payload.siteId");
  }

  @Test
  void refusesAZoneIdThatIsTaken() {
    taken(
        Envelopes.sign(
            PKI.get("kp-registrar"),
            "RegisterZone",
            obj("zoneId", car.west(), "name", "again", "prefecture", "X")),
        "payload.zoneId");
  }

  @Test
  void answersATakenLotIdTheSameWhoeverHoldsIt() {
    JsonNode byHolder = taken(purchase("col-ndoumba", "L-1", "AGR-1"), "payload.lotId");
    JsonNode byStranger = taken(purchase("col-yakite", "L-1", "AGR-2"), "payload.lotId");
    for (String member : new String[] {"type", "title", "status", "detail", "rule", "field"}) {
      assertThat(byStranger.path(member)).as(member).isEqualTo(byHolder.path(member));
    }
  }

  @Test
  void refusesAnIdTakenByAnotherKindOfAggregate() {
    taken(purchase("col-ndoumba", "S-W", "AGR-1"), "payload.lotId");
  }

  @Test
  void refusesAMergeIntoOneOfItsOwnSources() {
    taken(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "MergeParcels",
            obj(
                "parcelId",
                car.p + "L-1",
                "sourceParcelIds",
                arr(car.p + "L-1", car.p + "L-2"),
                "carats",
                num("2.00"))),
        "payload.parcelId");
  }

  @Test
  void refusesASplitIntoItsOwnSource() {
    taken(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "SplitParcel",
            obj(
                "parcelId",
                car.p + "L-2",
                "parts",
                arr(
                    obj("parcelId", car.p + "L-9", "carats", num("0.50")),
                    obj("parcelId", car.p + "L-2", "carats", num("0.50"))))),
        "payload.parts[1].parcelId");
  }

  @Test
  void refusesAStockpileThatCreatesTheSameItemTwice() {
    JsonNode item =
        obj(
            "parcelId",
            car.p + "ST-1",
            "carats",
            num("10.00"),
            "zoneId",
            car.west(),
            "acquiredOn",
            "2012-02-01");
    long attempts = refusedAttemptCount();
    JsonNode p =
        refused(
            Envelopes.sign(
                PKI.get("alpha-buyer"),
                "DeclareStockpile",
                obj(
                    "stockpileId",
                    car.p + "ST",
                    "declaredOn",
                    "2026-01-10",
                    "location",
                    "Bangui",
                    "items",
                    arr(item, item))),
            400,
            "ID_REPEATED");
    assertThat(p.path("field").asText()).isEqualTo("payload.items[1].parcelId");
    assertThat(refusedAttemptCount()).isEqualTo(attempts);
  }

  @Test
  void refusesABatchThatCreatesTheSameIdTwiceNamingTheMember() {
    long events = eventCount();
    long attempts = refusedAttemptCount();
    Answer a =
        post(
            "{\"commands\":["
                + purchase("col-ndoumba", "B-1", "AGR-1")
                + ","
                + purchase("col-ndoumba", "B-2", "AGR-1")
                + ","
                + purchase("col-ndoumba", "B-1", "AGR-1")
                + "]}",
            "application/json",
            "/api/commands/batch");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("rule").asText()).isEqualTo("ID_REPEATED");
    assertThat(a.body().path("field").asText()).isEqualTo("commands[2].payload.lotId");
    assertThat(a.body().path("instance").asText()).isEqualTo("/api/commands/batch");
    assertThat(eventCount()).isEqualTo(events);
    assertThat(refusedAttemptCount()).isEqualTo(attempts);
  }

  @Test
  void refusesABatchMemberWhoseIdIsTakenAndKeepsItsAttempt() {
    long events = eventCount();
    long attempts = refusedAttemptCount();
    Answer a =
        post(
            "{\"commands\":["
                + purchase("col-ndoumba", "B-3", "AGR-1")
                + ","
                + purchase("col-yakite", "L-2", "AGR-2")
                + "]}",
            "application/json",
            "/api/commands/batch");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(409);
    assertThat(a.body().path("rule").asText()).isEqualTo("ALREADY_EXISTS");
    assertThat(a.body().path("field").asText()).isEqualTo("commands[1].payload.lotId");
    assertThat(a.body().path("index").asInt()).isEqualTo(1);
    assertThat(eventCount()).as("nothing of the batch recorded").isEqualTo(events);
    assertThat(refusedAttemptCount()).isEqualTo(attempts + 1);
  }
}
