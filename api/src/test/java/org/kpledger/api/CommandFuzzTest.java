package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sends malformed, hostile and duplicate-id commands and batches from a seeded generator and checks
 * every answer: a 4xx problem+json with a rule (never a 5xx), no SQL or Java text in any body, and
 * the event count unchanged except by the commands meant to pass. The seed is printed; rerun one
 * with {@code -Dkp.fuzz.seed=N}, and more cases with {@code -Dkp.fuzz.cases=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandFuzzTest extends LedgerTestBase {
  private static final Pattern LEAK =
      Pattern.compile(
          "SQL|Exception|org\\.|java\\.|jakarta\\.|com\\.fasterxml|insert into|select |"
              + "\\bat [\\w$.]+\\(|domain_event_entry|<html");

  private final long seed = Long.getLong("kp.fuzz.seed", 20261205L);
  private final int cases = Integer.getInteger("kp.fuzz.cases", 600);
  private final Random random = new Random(seed);
  private CarFixture car;
  private int lots;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "FZ-").setUp();
    ok("col-ndoumba", "RecordPurchase", car.purchase("TAKEN", "M-1", "S-W", "1.00", "AGR-1", 2));
  }

  /** A request the fuzzer sends and what it expects. */
  private record Case(String kind, byte[] body, String path, boolean meantToPass) {}

  @Test
  void everyHostileCommandGetsA4xxProblemWithARuleAndLeaksNothing() {
    System.out.println("CommandFuzzTest seed=" + seed + " cases=" + cases);
    List<Supplier<Case>> kinds = kinds();
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (int n = 0; n < cases; n++) {
      Case c = kinds.get(random.nextInt(kinds.size())).get();
      long before = eventCount();
      Answer a = postBytes(c.body(), "application/json", c.path());
      long written = eventCount() - before;
      String body = a.body().toString();
      String where = "case " + n + " (" + c.kind() + ", seed " + seed + "): ";
      if (LEAK.matcher(body).find()) {
        failures.add(where + "leaks " + body);
      }
      if (c.meantToPass()) {
        passed++;
        if (a.status() != 200 || written != events(a.body())) {
          failures.add(where + "meant to pass, got " + a.status() + " " + body);
        }
        continue;
      }
      if (a.status() < 400 || a.status() >= 500) {
        failures.add(where + "status " + a.status() + " " + body);
      } else if (!a.contentType().startsWith("application/problem+json")
          || a.body().path("rule").asText().isEmpty()
          || a.body().path("instance").asText().isEmpty()
          || a.body().path("type").asText().isEmpty()) {
        failures.add(where + "not a problem with a rule: " + a.contentType() + " " + body);
      }
      if (written != 0) {
        failures.add(where + written + " events written by a refused command");
      }
    }
    System.out.println("CommandFuzzTest: " + cases + " cases, " + passed + " meant to pass");
    assertThat(failures).isEmpty();
    assertThat(passed).as("some commands pass, so the event count check can fail").isPositive();
  }

  private long events(JsonNode outcome) {
    if (outcome.has("commands")) {
      long n = 0;
      for (JsonNode c : outcome.get("commands")) {
        n += c.path("eventIds").size();
      }
      return n;
    }
    return outcome.path("eventIds").size();
  }

  private List<Supplier<Case>> kinds() {
    return List.of(
        () -> single("random bytes", randomBytes()),
        () -> single("random text", randomText().getBytes(StandardCharsets.UTF_8)),
        () -> single("wrong type", signed(withWrongType(slip()))),
        () -> single("duplicate key", duplicateKey(envelope(slip()))),
        () -> single("deep nesting", signedRaw(deep())),
        () -> single("huge number", hugeNumber(envelope(slip()))),
        () -> single("taken id", envelope(slipFor("TAKEN"))),
        () -> single("unknown issuer", sign("rogue-buyer", "RecordPurchase", slip())),
        () -> single("certificate not chaining", foreignCertificate(envelope(slip()))),
        () -> single("signature over other bytes", otherBytes()),
        () -> single("truncated", truncate(envelope(slip()))),
        () -> single("unknown command type", sign("col-ndoumba", randomWord(), slip())),
        () ->
            batch("batch repeating an id", List.of(envelope(slipFor("R")), envelope(slipFor("R")))),
        () -> batch("batch with a bad member", List.of(envelope(slip()), otherBytesText())),
        () -> batch("batch with a taken id", List.of(envelope(slip()), envelope(slipFor("TAKEN")))),
        () -> batch("batch of junk", List.of(randomText(), "7", "[]")),
        () ->
            new Case(
                "valid", envelope(slip()).getBytes(StandardCharsets.UTF_8), "/api/commands", true),
        () -> {
          Case c = batch("valid batch", List.of(envelope(slip()), envelope(slip())));
          return new Case(c.kind(), c.body(), c.path(), true);
        });
  }

  private Case single(String kind, String envelope) {
    return single(kind, envelope.getBytes(StandardCharsets.UTF_8));
  }

  private Case single(String kind, byte[] body) {
    return new Case(kind, body, "/api/commands", false);
  }

  private Case batch(String kind, List<String> members) {
    return new Case(
        kind,
        ("{\"commands\":[" + String.join(",", members) + "]}").getBytes(StandardCharsets.UTF_8),
        "/api/commands/batch",
        false);
  }

  private ObjectNode slip() {
    return slipFor("F" + lots++);
  }

  private ObjectNode slipFor(String lot) {
    return car.purchase(lot, "M-1", "S-W", "0.01", "AGR-1", 2);
  }

  private String envelope(ObjectNode payload) {
    return sign("col-ndoumba", "RecordPurchase", payload);
  }

  private String sign(String actor, String type, ObjectNode payload) {
    return Envelopes.sign(PKI.get(actor), type, payload);
  }

  private String signed(ObjectNode payload) {
    return envelope(payload);
  }

  private ObjectNode withWrongType(ObjectNode p) {
    String[] texts = {"lotId", "occurredAt", "minerId", "siteId", "buyerLicence"};
    String[] numbers = {"carats", "stoneCount", "priceUsd"};
    String text = texts[random.nextInt(texts.length)];
    String number = numbers[random.nextInt(numbers.length)];
    String any = random.nextBoolean() ? text : number;
    switch (random.nextInt(6)) {
      case 0 -> p.put(text, random.nextInt(1000));
      case 1 -> p.put(number, "-0");
      case 2 -> p.put(any, random.nextBoolean());
      case 3 -> p.putArray(any).add(1);
      case 4 -> p.putObject(any).put("x", 1);
      default -> p.set("stoneCount", num("5.5"));
    }
    return p;
  }

  private String duplicateKey(String envelope) {
    return random.nextBoolean()
        ? envelope.replaceFirst("\\{", "{\"commandId\":\"dup\",")
        : envelope.replaceFirst("\"payload\":\\{", "\"payload\":{\"lotId\":\"FZ-DUP\",");
  }

  private String signedRaw(String payloadJson) {
    String env = envelope(slip());
    return env.replaceFirst("\"payload\":\\{", "\"payload\":{\"deep\":" + payloadJson + ",");
  }

  private String deep() {
    int depth = 500 + random.nextInt(3000);
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private String hugeNumber(String envelope) {
    String[] huge = {"1e400", "-1e400", "123456789012345678901234567890.5", "1" + "0".repeat(2000)};
    return envelope.replaceFirst(
        "\"carats\":[0-9.]+", "\"carats\":" + huge[random.nextInt(huge.length)]);
  }

  private String foreignCertificate(String envelope) throws RuntimeException {
    try {
      String other =
          random.nextBoolean()
              ? Base64.getEncoder()
                  .encodeToString(PKI.get("rogue-buyer").certificate().getEncoded())
              : Base64.getEncoder().encodeToString(randomBytes());
      return Envelopes.withMember(envelope, "signerCertificate", new TextNode(other));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String otherBytesText() {
    try {
      String signed = envelope(slip());
      JsonNode other = JSON.readTree(envelope(slip())).get("payload");
      return Envelopes.withMember(signed, "payload", other);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String otherBytes() {
    return otherBytesText();
  }

  private String truncate(String envelope) {
    return envelope.substring(0, random.nextInt(envelope.length()));
  }

  private byte[] randomBytes() {
    byte[] b = new byte[random.nextInt(300)];
    random.nextBytes(b);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '.') {
        b[i] = ',';
      }
    }
    return b;
  }

  private String randomText() {
    String alphabet = "{}[]\":,0123456789-+eE truefalsnul\\\u00e9\u4e2d\ud83d\udc8eabcxyz";
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(200);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String randomWord() {
    return "Mint" + Integer.toString(random.nextInt(1 << 20), 36);
  }
}
