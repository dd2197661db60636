package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a 4xx problem+json naming the field and the rule, and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "BI-").setUp();
  }

  private String signedPurchase(ObjectNode payload) {
    return Envelopes.sign(PKI.get("col-ndoumba"), "RecordPurchase", payload);
  }

  private ObjectNode slip() {
    return car.purchase("B-1", "M-1", "S-W", "1.00", "AGR-1", 2);
  }

  private void assertRefused(String body, int status, String rule, String field) {
    long attempts = refusedAttemptCount();
    JsonNode problem = refused(body, status, rule);
    if (field != null) {
      assertThat(problem.path("field").asText()).isEqualTo(field);
    }
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(refusedAttemptCount()).isEqualTo(attempts);
  }

  @Test
  void malformedJson() {
    assertRefused("{\"commandType\": \"RecordPurchase\", ", 400, "MALFORMED_ENVELOPE", null);
  }

  @Test
  void unknownCommandType() {
    assertRefused(
        Envelopes.sign(PKI.get("col-ndoumba"), "MintDiamonds", slip()),
        400,
        "UNKNOWN_COMMAND_TYPE",
        "commandType");
  }

  @Test
  void missingPayloadField() {
    ObjectNode p = slip();
    p.remove("siteId");
    assertRefused(signedPurchase(p), 400, "CONSTRAINT_VIOLATED", "payload.siteId");
  }

  @Test
  void extraPayloadField() {
    ObjectNode p = slip();
    p.put("discount", "10%");
    assertRefused(signedPurchase(p), 400, "UNKNOWN_FIELD", "payload.discount");
  }

  @Test
  void extraEnvelopeMember() throws Exception {
    String env = Envelopes.withMember(signedPurchase(slip()), "note", num("1"));
    JsonNode problem = refused(env, 400, "MALFORMED_ENVELOPE");
    assertThat(problem.path("field").asText()).contains("note");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1e12", "0.001"})
  void absurdCarats(String carats) {
    ObjectNode p = slip();
    p.set("carats", num(carats));
    assertRefused(signedPurchase(p), 400, "CONSTRAINT_VIOLATED", "payload.carats");
  }

  @Test
  void caratsOfTheWrongType() {
    ObjectNode p = slip();
    p.put("carats", "twelve");
    assertRefused(signedPurchase(p), 400, "INVALID_FIELD", "payload.carats");
  }

  @Test
  void occurredAtInTheFarFuture() {
    ObjectNode p = slip();
    p.put("occurredAt", "2999-01-01T00:00:00Z");
    assertRefused(signedPurchase(p), 400, "IMPLAUSIBLE_DATE", "payload.occurredAt");
  }

  @Test
  void licenceDateInTheFarFuture() {
    ObjectNode p =
        CarFixture.obj(
            "licenceNumber",
            "BI-FAR",
            "kind",
            "AGREMENT",
            "holderId",
            "col-x",
            "validFrom",
            "2026-01-01",
            "validUntil",
            "9999-12-31");
    assertRefused(
        Envelopes.sign(PKI.get("kp-registrar"), "IssueLicence", p),
        400,
        "IMPLAUSIBLE_DATE",
        "payload.validUntil");
  }

  @Test
  void stockpileItemAcquiredAfterTheDeclaration() {
    ObjectNode p =
        CarFixture.obj(
            "stockpileId",
            "BI-ST",
            "declaredOn",
            "2026-01-10",
            "location",
            "Bangui",
            "items",
            CarFixture.arr(
                CarFixture.obj(
                    "parcelId",
                    "BI-ST-1",
                    "carats",
                    num("10.00"),
                    "zoneId",
                    car.west(),
                    "acquiredOn",
                    "2026-02-01")));
    assertRefused(
        Envelopes.sign(PKI.get("alpha-buyer"), "DeclareStockpile", p),
        400,
        "CONSTRAINT_VIOLATED",
        "payload.acquiredBeforeDeclaration");
  }

  @Test
  void oneMegabyteString() {
    ObjectNode p = slip();
    p.put("slipNumber", "S".repeat(1 << 20));
    assertRefused(signedPurchase(p), 400, "CONSTRAINT_VIOLATED", "payload.slipNumber");
  }

  @Test
  void bodyOverTheSizeLimit() {
    refused("{\"pad\":\"" + "x".repeat(3_000_000) + "\"}", 413, "BODY_TOO_LARGE");
  }

  @Test
  void wrongMediaType() {
    long events = eventCount();
    Answer a = post(signedPurchase(slip()), "text/plain");
    assertThat(a.status()).isEqualTo(415);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    String env = signedPurchase(slip());
    String dup = env.replaceFirst("\\{", "{\"commandType\":\"RegisterZone\",");
    refused(dup, 400, "MALFORMED_ENVELOPE");
  }
}
