package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.kpledger.api.access.SignedRequest;

/**
 * Queries over HTTP as a named actor (signed-request headers), and the wait for the projections:
 * they are asynchronous, so a test waits until every one has lag 0 before it reads.
 */
public abstract class ReadTestBase extends LedgerTestBase {
  private final HttpClient http = HttpClient.newHttpClient();

  /** Submits a command that a custody rule must refuse (422). */
  protected void refuse(String actor, String type, JsonNode payload) {
    assertThat(post(Envelopes.sign(PKI.get(actor), type, payload)).status()).isEqualTo(422);
  }

  /** A signed GET as {@code actor}. */
  protected Answer get(String actor, String target) {
    return send("GET", target, signed("GET", target, actor, Instant.now()));
  }

  /** A signed GET expected to answer 200; returns its body. */
  protected JsonNode read(String actor, String target) {
    Answer a = get(actor, target);
    assertThat(a.status()).as(target + " as " + actor + ": " + a.body()).isEqualTo(200);
    return a.body();
  }

  /** A signed POST without a body as {@code actor}. */
  protected Answer postSigned(String actor, String target) {
    return send("POST", target, signed("POST", target, actor, Instant.now()));
  }

  protected Map<String, String> signed(String method, String target, String actor, Instant at) {
    TestPki.TestActor a = PKI.get(actor);
    return SignedRequest.headers(method, target, at, a.certificate(), a.key());
  }

  /** Asserts a problem+json answer with the status, rule and (if not null) field. */
  protected JsonNode problem(Answer a, int status, String rule, String field) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().path("rule").asText()).as(a.body().toString()).isEqualTo(rule);
    assertThat(a.body().path("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(a.body().path("field").asText()).as(a.body().toString()).isEqualTo(field);
    }
    return a.body();
  }

  protected Answer send(String method, String target, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (30 s at most) until every projection runs, is not replaying, and has lag 0. */
  protected void awaitProjections() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = read("auditor-1", "/api/projections");
      boolean done = true;
      for (JsonNode p : last) {
        done &=
            p.path("running").asBoolean()
                && !p.path("replaying").asBoolean()
                && p.path("lag").asLong() == 0;
      }
      if (done && last.size() > 0) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("projections did not catch up in 30 s: " + last);
  }
}
