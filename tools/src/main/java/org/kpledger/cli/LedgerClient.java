package org.kpledger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal HTTP client of the ledger: signed commands in, signed queries out. */
final class LedgerClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  LedgerClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** An HTTP answer. */
  record Response(int status, String body) {}

  Response post(String envelopeJson) throws IOException, InterruptedException {
    return send("/api/commands", envelopeJson);
  }

  /** Posts {@code {"commands": [...]}} to the all-or-nothing batch endpoint. */
  Response postBatch(String batchJson) throws IOException, InterruptedException {
    return send("/api/commands/batch", batchJson);
  }

  private Response send(String path, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return exchange(request);
  }

  /**
   * Sends a query ({@code GET}, or {@code POST} without a body) with the signed-request headers.
   */
  Response query(String method, String target, ActorKey actor)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + target))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    org.kpledger.api.access.SignedRequest.headers(
            method, target, java.time.Instant.now(), actor.certificate(), actor.key())
        .forEach(b::header);
    return exchange(b.build());
  }

  private Response exchange(HttpRequest request) throws IOException, InterruptedException {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
      throw new NodeUnreachableException(baseUrl, e);
    }
  }
}
