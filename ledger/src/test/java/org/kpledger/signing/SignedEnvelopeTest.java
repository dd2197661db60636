package org.kpledger.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Envelope well-formedness: JSON round trip, signing input, and every rejection rule. */
class SignedEnvelopeTest {

  private static final String CERT = "MIIBAA==";
  private static final String SIG = "MEUCIQ==";

  static ObjectNode json(String issuedAt) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("commandType", "RegisterParcel").put("commandId", "c-1").put("issuedAt", issuedAt);
    n.putObject("payload").put("parcelId", "P-7").put("carats", 12.50);
    n.put("signerCertificate", CERT).put("signature", SIG);
    return n;
  }

  static EnvelopeFormatException rejection(JsonNode json) {
    return catchRejection(json.toString());
  }

  static EnvelopeFormatException catchRejection(String json) {
    try {
      SignedEnvelope.fromJson(json);
    } catch (EnvelopeFormatException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void signingInputIsTheCanonicalObjectWithoutTheSignature() {
    SignedEnvelope e = SignedEnvelope.fromJson(json("2026-11-27T10:15:30Z").toString());
    assertThat(new String(e.signingInput(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"commandId\":\"c-1\",\"commandType\":\"RegisterParcel\",\"issuedAt\":\"2026-11-27T10:15:30Z\","
                + "\"payload\":{\"carats\":12.5,\"parcelId\":\"P-7\"},\"signerCertificate\":\"MIIBAA==\"}");
    assertThat(e.toJson())
        .isEqualTo(
            "{\"commandId\":\"c-1\",\"commandType\":\"RegisterParcel\",\"issuedAt\":\"2026-11-27T10:15:30Z\","
                + "\"payload\":{\"carats\":12.5,\"parcelId\":\"P-7\"},\"signature\":\"MEUCIQ==\","
                + "\"signerCertificate\":\"MIIBAA==\"}");
    assertThat(SignedEnvelope.fromJson(e.toJson())).isEqualTo(e);
  }

  @Test
  void keepsIssuedAtExactlyAsTheClientWroteIt() {
    for (String text :
        new String[] {
          "2026-11-27T10:15:30Z",
          "2026-11-27T10:15:30.000Z",
          "2026-11-27T10:15:30.1Z",
          "2026-11-27T10:15:30.123456789Z"
        }) {
      SignedEnvelope e = SignedEnvelope.fromJson(json(text).toString());
      assertThat(e.issuedAt()).isEqualTo(text);
      assertThat(new String(e.signingInput(), StandardCharsets.UTF_8))
          .contains("\"issuedAt\":\"" + text + "\"");
      assertThat(e.issuedAtInstant()).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void theInstantConstructorWritesInstantToString() {
    Instant at = Instant.parse("2026-11-27T10:15:30.100Z");
    SignedEnvelope e =
        new SignedEnvelope("T", "1", at, json("2026-11-27T10:15:30Z").get("payload"), CERT, SIG);
    assertThat(e.issuedAt()).isEqualTo("2026-11-27T10:15:30.100Z");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-27T10:15:30+00:00",
        "2026-11-27 10:15:30Z",
        "2026-11-27T10:15:30z",
        "2026-02-30T10:15:30Z",
        "2026-11-27T24:00:00Z",
        "2016-12-31T23:59:60Z",
        "2026-11-27T10:15:30.1234567890Z",
        "2026-11-27T10:15Z",
        "+12026-11-27T10:15:30Z",
        "2026-11-27T10:15:30.Z",
        "",
        "2026-11-27T10:15:30"
      })
  void rejectsIssuedAtThatIsNotAStrictUtcInstant(String issuedAt) {
    EnvelopeFormatException e = rejection(json(issuedAt));
    assertThat(e.field()).isEqualTo("issuedAt");
    assertThat(e.rule()).startsWith("must be an ISO-8601 UTC instant");
  }

  @Test
  void rejectsUnknownMissingAndMistypedMembersByName() {
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("extra", 1)).field()).isEqualTo("extra");
    for (String member :
        new String[] {
          "commandType", "commandId", "issuedAt", "payload", "signerCertificate", "signature"
        }) {
      ObjectNode missing = json("2026-11-27T10:15:30Z");
      missing.remove(member);
      assertThat(rejection(missing))
          .satisfies(
              e -> {
                assertThat(e.field()).isEqualTo(member);
                assertThat(e.rule()).isEqualTo("is required");
              });
    }
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("commandId", 5)).rule())
        .isEqualTo("must be a JSON string");
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("payload", "x")).field())
        .isEqualTo("payload");
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("commandType", "has space")).field())
        .isEqualTo("commandType");
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("commandId", "")).field())
        .isEqualTo("commandId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MIIBAA", "MIIBAB==", "MII BAA==", "MIIBAA==\n", "MI-_AA==", "", "===="})
  void rejectsBase64ThatIsNotCanonicalStandardBase64(String b64) {
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("signerCertificate", b64)).field())
        .isEqualTo("signerCertificate");
    assertThat(rejection(json("2026-11-27T10:15:30Z").put("signature", b64)).field())
        .isEqualTo("signature");
  }

  @Test
  void rejectsDocumentsThatAreNotOneI_JsonObject() {
    String valid = json("2026-11-27T10:15:30Z").toString();
    for (String doc :
        new String[] {
          "[]",
          "not json",
          valid + "{}",
          null,
          valid.replace("{\"commandType\"", "{\"signature\":\"MEUCIQ==\",\"commandType\"")
        }) {
      assertThat(catchRejection(doc).field()).isEqualTo(EnvelopeFormatException.DOCUMENT);
    }
    assertThat(catchRejection("[]").getMessage()).isEqualTo("envelope must be a JSON object");
  }

  @Test
  void payloadIsImmutableFromOutside() {
    SignedEnvelope e = SignedEnvelope.fromJson(json("2026-11-27T10:15:30Z").toString());
    ((ObjectNode) e.payload()).put("carats", 99);
    assertThat(e.payload().get("carats").doubleValue()).isEqualTo(12.5);
  }

  @Test
  void exceptionMessageNamesFieldAndRule() {
    assertThat(rejection(json("yesterday")).getMessage())
        .startsWith("envelope member 'issuedAt' must be an ISO-8601 UTC instant");
    assertThatThrownBy(
            () ->
                new SignedEnvelope(
                    "T", "1", (Instant) null, JsonNodeFactory.instance.objectNode(), CERT, SIG))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageContaining("issuedAt");
  }
}
