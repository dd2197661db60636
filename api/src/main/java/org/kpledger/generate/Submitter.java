package org.kpledger.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a step's signed envelope and says what became of it. Transient failures (the node busy,
 * restarting or unreachable) are retried with the same envelope, re-signed under the same command
 * id once it nears the end of the ±5 minute issuedAt window. An answer the plan did not expect
 * stops the run: the ledger is the plan's, or it is not.
 */
final class Submitter {
  /** What the node did with a step. */
  enum Outcome {
    ACCEPTED,
    REFUSED,
    /** the node already had this command id: recorded by an earlier, interrupted run */
    ALREADY_RECORDED
  }

  /** The node answered something the plan does not allow. */
  static final class UnexpectedAnswer extends RuntimeException {
    UnexpectedAnswer(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long RESIGN_AFTER_NANOS = Duration.ofMinutes(2).toNanos();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI commands;

  Submitter(String baseUrl) {
    this.commands = URI.create(baseUrl.replaceAll("/+$", "") + "/api/commands");
  }

  Outcome submit(Step step, String commandId, Signer signer) throws InterruptedException {
    String envelope = signer.sign(step.type(), commandId, step.payload());
    long signedAt = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      if (System.nanoTime() - signedAt > RESIGN_AFTER_NANOS) {
        envelope = signer.sign(step.type(), commandId, step.payload());
        signedAt = System.nanoTime();
      }
      HttpResponse<String> r;
      try {
        r = http.send(request(envelope), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        retryOrGiveUp(step, attempt, 60, "node unreachable: " + e);
        continue;
      }
      String rule = rule(r.body());
      switch (r.statusCode()) {
        case 200:
          return expect(step, null, r.body());
        case 422:
          return expect(step, rule, r.body());
        case 409:
          if ("COMMAND_ID_REUSED".equals(rule)) {
            return Outcome.ALREADY_RECORDED;
          }
          break;
        case 503, 502, 504:
          retryOrGiveUp(step, attempt, 60, r.body());
          continue;
        case 401:
          if ("ISSUED_AT_OUTSIDE_WINDOW".equals(rule)) {
            signedAt -= RESIGN_AFTER_NANOS;
            retryOrGiveUp(step, attempt, 3, r.body());
            continue;
          }
          // a CA just enrolled: the node rereads its trust directory within a second
          retryOrGiveUp(step, attempt, 10, r.body());
          continue;
        default:
          break;
      }
      throw new UnexpectedAnswer(describe(step) + ": " + r.statusCode() + " " + r.body());
    }
  }

  private HttpRequest request(String envelope) {
    return HttpRequest.newBuilder(commands)
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(envelope))
        .build();
  }

  private static Outcome expect(Step step, String rule, String body) {
    boolean same = rule == null ? step.refusal() == null : rule.equals(step.refusal());
    if (!same) {
      throw new UnexpectedAnswer(
          describe(step)
              + (step.refusal() == null
                  ? " should be accepted"
                  : " should be refused with " + step.refusal())
              + ", the node answered: "
              + body);
    }
    return rule == null ? Outcome.ACCEPTED : Outcome.REFUSED;
  }

  private static void retryOrGiveUp(Step step, int attempt, int attempts, String why)
      throws InterruptedException {
    if (attempt >= attempts) {
      throw new UnexpectedAnswer(describe(step) + ": gave up after " + attempt + " tries: " + why);
    }
    Thread.sleep(Math.min(5000, 100L * attempt));
  }

  private static String rule(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      return problem.path("rule").isTextual() ? problem.path("rule").asText() : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private static String describe(Step step) {
    return step.type() + " " + step.key() + " by " + step.actor();
  }
}
