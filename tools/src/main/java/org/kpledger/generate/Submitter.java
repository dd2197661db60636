package org.kpledger.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
  private final URI batches;

  Submitter(String baseUrl) {
    this.commands = URI.create(baseUrl.replaceAll("/+$", "") + "/api/commands");
    this.batches = URI.create(baseUrl.replaceAll("/+$", "") + "/api/commands/batch");
  }

  /**
   * Sends steps the plan expects accepted as one all-or-nothing batch, and answers for each. When
   * the node says some of them were recorded before (a resumed run whose batches no longer line up
   * with the first run's), they go one by one, and each gets its own answer.
   */
  List<Outcome> submitBatch(List<Step> steps, List<String> commandIds, List<Signer> signers)
      throws InterruptedException {
    String body = batch(steps, commandIds, signers);
    long signedAt = System.nanoTime();
    Step first = steps.get(0);
    for (int attempt = 1; ; attempt++) {
      if (System.nanoTime() - signedAt > RESIGN_AFTER_NANOS) {
        body = batch(steps, commandIds, signers);
        signedAt = System.nanoTime();
      }
      HttpResponse<String> r;
      try {
        r = http.send(request(batches, body), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        retryOrGiveUp(first, attempt, 60, "node unreachable: " + e);
        continue;
      }
      String rule = rule(r.body());
      switch (r.statusCode()) {
        case 200:
          if (accepted(r.body()) != steps.size()) {
            break;
          }
          return java.util.Collections.nCopies(steps.size(), Outcome.ACCEPTED);
        case 409:
          if ("COMMAND_ID_REUSED".equals(rule) || "COMMAND_ALREADY_RECORDED".equals(rule)) {
            List<Outcome> one = new java.util.ArrayList<>(steps.size());
            for (int i = 0; i < steps.size(); i++) {
              one.add(submit(steps.get(i), commandIds.get(i), signers.get(i)));
            }
            return one;
          }
          break;
        case 503, 502, 504:
          retryOrGiveUp(first, attempt, 60, r.body());
          continue;
        case 401:
          if ("ISSUED_AT_OUTSIDE_WINDOW".equals(rule)) {
            signedAt -= RESIGN_AFTER_NANOS;
            retryOrGiveUp(first, attempt, 3, r.body());
            continue;
          }
          retryOrGiveUp(first, attempt, 10, r.body());
          continue;
        default:
          break;
      }
      throw new UnexpectedAnswer(
          "a batch of "
              + steps.size()
              + " from "
              + describe(first)
              + ", all to be accepted: "
              + r.statusCode()
              + " "
              + r.body());
    }
  }

  private static String batch(List<Step> steps, List<String> commandIds, List<Signer> signers) {
    StringBuilder b = new StringBuilder("{\"commands\":[");
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      b.append(i == 0 ? "" : ",")
          .append(signers.get(i).sign(step.type(), commandIds.get(i), step.payload()));
    }
    return b.append("]}").toString();
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
        r = http.send(request(commands, envelope), HttpResponse.BodyHandlers.ofString());
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

  private static HttpRequest request(URI endpoint, String envelope) {
    return HttpRequest.newBuilder(endpoint)
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

  private static int accepted(String body) {
    try {
      return JSON.readTree(body).path("commands").size();
    } catch (IOException notJson) {
      return -1;
    }
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
