package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.junit.jupiter.api.Test;
import org.kpledger.api.access.SignedRequest;

/**
 * Every query needs a signed request (or a TLS client certificate) from an enrolled organisation;
 * each failure is a 401 problem+json naming the header at fault. Rebuilding projections is for the
 * KP authority and auditors.
 */
class ReadAuthenticationTest extends ReadTestBase {
  private static final String TARGET = "/api/projections";

  @Test
  void queryWithoutCredentialsIsRefused() {
    problem(send("GET", TARGET, Map.of()), 401, "MISSING_CREDENTIALS", SignedRequest.CERTIFICATE);
    Map<String, String> h = new HashMap<>(signed("GET", TARGET, "mt-monitor", Instant.now()));
    h.remove(SignedRequest.SIGNATURE);
    problem(send("GET", TARGET, h), 401, "MISSING_CREDENTIALS", SignedRequest.SIGNATURE);
  }

  @Test
  void signatureOverAnotherRequestIsRefused() {
    Map<String, String> h = signed("GET", "/api/shipments", "mt-monitor", Instant.now());
    problem(send("GET", TARGET, h), 401, "BAD_SIGNATURE", SignedRequest.SIGNATURE);
    Map<String, String> query =
        signed("GET", "/api/shipments?status=EXPORTED", "mt-monitor", Instant.now());
    problem(
        send("GET", "/api/shipments?status=REJECTED", query),
        401,
        "BAD_SIGNATURE",
        SignedRequest.SIGNATURE);
    problem(
        send("POST", TARGET, signed("GET", TARGET, "mt-monitor", Instant.now())),
        401,
        "BAD_SIGNATURE",
        SignedRequest.SIGNATURE);
  }

  @Test
  void highSSignatureIsRefusedAsInFabric() {
    Map<String, String> h = new HashMap<>(signed("GET", TARGET, "mt-monitor", Instant.now()));
    h.put(SignedRequest.SIGNATURE, highS(h.get(SignedRequest.SIGNATURE)));
    problem(send("GET", TARGET, h), 401, "BAD_SIGNATURE", SignedRequest.SIGNATURE);
  }

  @Test
  void dateOutsideTheWindowOrUnreadableIsRefused() {
    Instant old = Instant.now().minusSeconds(600);
    problem(
        send("GET", TARGET, signed("GET", TARGET, "mt-monitor", old)),
        401,
        "DATE_OUTSIDE_WINDOW",
        SignedRequest.DATE);
    Map<String, String> h = new HashMap<>(signed("GET", TARGET, "mt-monitor", Instant.now()));
    h.put(SignedRequest.DATE, "yesterday");
    problem(send("GET", TARGET, h), 401, "DATE_INVALID", SignedRequest.DATE);
  }

  @Test
  void certificateOfAnUnenrolledOrganisationOrGarbageIsRefused() {
    problem(
        send("GET", TARGET, signed("GET", TARGET, "rogue-buyer", Instant.now())),
        401,
        "UNKNOWN_ISSUER",
        SignedRequest.CERTIFICATE);
    Map<String, String> h = new HashMap<>(signed("GET", TARGET, "mt-monitor", Instant.now()));
    h.put(SignedRequest.CERTIFICATE, "bm90IGEgY2VydA==");
    problem(send("GET", TARGET, h), 401, "MALFORMED_CERTIFICATE", SignedRequest.CERTIFICATE);
  }

  @Test
  void queryWithABodyIsRefused() throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + TARGET))
            .method("GET", HttpRequest.BodyPublishers.ofString("{}"));
    signed("GET", TARGET, "mt-monitor", Instant.now()).forEach(b::header);
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("rule").asText()).isEqualTo("BODY_NOT_ALLOWED");
  }

  @Test
  void onlyTheKpAuthorityAndAuditorsRebuildProjections() {
    problem(
        postSigned("alpha-buyer", "/api/projections/registry/replay"), 403, "NOT_VISIBLE", null);
    problem(postSigned("mt-monitor", "/api/projections/registry/replay"), 403, "NOT_VISIBLE", null);
    Answer ok = postSigned("kp-registrar", "/api/projections/registry/replay");
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(ok.body().path("name").asText()).isEqualTo("registry");
    awaitProjections();
  }

  @Test
  void anyAuthenticatedReaderSeesTheProjectionsLag() {
    var status = read("be-officer", TARGET);
    assertThat(status).hasSize(7);
    status.forEach(
        p ->
            assertThat(p.path("head").asLong())
                .isGreaterThanOrEqualTo(p.path("position").asLong()));
  }

  @Test
  void theReaderEndpointNamesTheSignedReaderAndHowItWasAuthenticated() {
    JsonNode me = read("alpha-buyer", "/api/reader");
    assertThat(me.path("actorId").asText()).isEqualTo("alpha-buyer");
    assertThat(me.path("organisationId").asText()).isEqualTo("BO-ALPHA");
    assertThat(me.path("organisationType").asText()).isEqualTo("BUYING_OFFICE");
    assertThat(me.path("role").asText()).isEqualTo("BUYER");
    assertThat(me.path("authenticatedBy").asText()).isEqualTo("SIGNED_REQUEST");
  }

  @Test
  void theReaderEndpointWithoutCredentialsIsRefused() {
    Answer a = send("GET", "/api/reader", Map.of());
    problem(a, 401, "MISSING_CREDENTIALS", SignedRequest.CERTIFICATE);
    problem(
        send("GET", "/api/reader", signed("GET", "/api/reader", "rogue-buyer", Instant.now())),
        401,
        "UNKNOWN_ISSUER",
        SignedRequest.CERTIFICATE);
  }

  private static String highS(String base64) {
    try {
      BigInteger n = ECNamedCurveTable.getByName("secp256r1").getN();
      ASN1Sequence seq = ASN1Sequence.getInstance(Base64.getDecoder().decode(base64));
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
      return Base64.getEncoder()
          .encodeToString(
              new DERSequence(
                      new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))})
                  .getEncoded("DER"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
