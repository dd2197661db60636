package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Payload members must carry exactly the JSON type their command declares, and bodies must be
 * UTF-8: nothing is coerced or transcoded, so the ledger records what the signer wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictPayloadTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "SP-").setUp();
  }

  private ObjectNode site(String id) {
    return obj(
        "siteId",
        car.p + id,
        "name",
        id,
        "zoneId",
        car.west(),
        "gps",
        obj("latitude", num("4.26"), "longitude", num("15.79")));
  }

  private String signedSite(ObjectNode payload) {
    return Envelopes.sign(PKI.get("kp-registrar"), "RegisterSite", payload);
  }

  private void invalidField(String body, String field) {
    long attempts = refusedAttemptCount();
    JsonNode p = refused(body, 400, "INVALID_FIELD");
    assertThat(p.path("field").asText()).isEqualTo(field);
    assertThat(p.path("detail").asText()).doesNotContain("java.", "`");
    assertThat(refusedAttemptCount()).isEqualTo(attempts);
  }

  @Test
  void refusesANumberWhereAStringIsDeclared() {
    ObjectNode p = site("N");
    p.put("siteId", 5);
    invalidField(signedSite(p), "payload.siteId");
  }

  @Test
  void refusesAStringWhereANumberIsDeclared() {
    ObjectNode p = site("S");
    ((ObjectNode) p.get("gps")).put("latitude", "-0");
    invalidField(signedSite(p), "payload.gps.latitude");
  }

  @Test
  void refusesAFractionWhereAWholeNumberIsDeclared() {
    ObjectNode p = car.purchase("F-1", "M-1", "S-W", "1.00", "AGR-1", 2);
    p.set("stoneCount", num("5.5"));
    invalidField(Envelopes.sign(PKI.get("col-ndoumba"), "RecordPurchase", p), "payload.stoneCount");
  }

  @Test
  void refusesANumberWhereAnInstantIsDeclared() {
    ObjectNode p = car.purchase("F-2", "M-1", "S-W", "1.00", "AGR-1", 2);
    p.put("occurredAt", 1_700_000_000L);
    invalidField(Envelopes.sign(PKI.get("col-ndoumba"), "RecordPurchase", p), "payload.occurredAt");
  }

  @Test
  void refusesABooleanWhereAStringIsDeclared() {
    ObjectNode p = site("B");
    p.put("name", true);
    invalidField(signedSite(p), "payload.name");
  }

  @Test
  void refusesAUtf16BodyWithAByteOrderMark() {
    long events = eventCount();
    byte[] body = ("\uFEFF" + signedSite(site("U1"))).getBytes(StandardCharsets.UTF_16BE);
    Answer a = postBytes(body, "application/json", "/api/commands");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("rule").asText()).isEqualTo("NOT_UTF8");
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void refusesAUtf16BodyWithoutAByteOrderMark() {
    long events = eventCount();
    byte[] body = signedSite(site("U2")).getBytes(StandardCharsets.UTF_16LE);
    Answer a = postBytes(body, "application/json", "/api/commands");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
    assertThat(a.body().path("rule").asText()).isEqualTo("NOT_UTF8");
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void refusesABodyDeclaredInAnotherCharset() {
    long events = eventCount();
    byte[] body = signedSite(site("U3")).getBytes(StandardCharsets.UTF_16LE);
    Answer a = postBytes(body, "application/json;charset=utf-16le", "/api/commands");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(415);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("rule").asText()).isEqualTo("UNSUPPORTED_CHARSET");
    assertThat(eventCount()).isEqualTo(events);
    Answer batch =
        postBytes(
            ("{\"commands\":[" + signedSite(site("U4")) + "]}").getBytes(StandardCharsets.UTF_16BE),
            "application/json; charset=UTF-16",
            "/api/commands/batch");
    assertThat(batch.status()).isEqualTo(415);
    assertThat(batch.body().path("rule").asText()).isEqualTo("UNSUPPORTED_CHARSET");
  }

  @Test
  void refusesABodyThatIsNotWellFormedUtf8() {
    byte[] body = signedSite(site("U5")).getBytes(StandardCharsets.ISO_8859_1);
    body[10] = (byte) 0xC3;
    body[11] = (byte) 0x28;
    Answer a = postBytes(body, "application/json", "/api/commands");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
    assertThat(a.body().path("rule").asText()).isEqualTo("NOT_UTF8");
  }

  @Test
  void acceptsUtf8DeclaredExplicitly() {
    Answer a =
        postBytes(
            signedSite(site("U6")).getBytes(StandardCharsets.UTF_8),
            "application/json;charset=UTF-8",
            "/api/commands");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
  }
}
