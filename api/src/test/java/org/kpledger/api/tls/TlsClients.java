package org.kpledger.api.tls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.kpledger.api.TestPki;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * A node's data directory with organisation CAs, actors and the node's TLS certificate from the KP
 * authority's CA (as {@code kp node tls} makes it), and JDK HTTP clients that pin that CA, with or
 * without a client certificate.
 */
final class TlsClients {
  final Path data;
  final TestPki pki;
  final OrganisationCa authority;
  final OrganisationCa rogue;
  final java.util.Map<String, OrganisationCa> cas = new java.util.HashMap<>();

  TlsClients(String prefix) throws Exception {
    data = Files.createTempDirectory(prefix);
    pki = new TestPki(data.resolve("trust"));
    authority = pki.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
    cas.put("KP-MT", pki.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true));
    cas.put("AUD-FA", pki.organisation("AUD-FA", OrganisationType.AUDITOR, true));
    rogue = pki.organisation("ROGUE", OrganisationType.BUYING_OFFICE, false);
    pki.actor("KP-MT", "mt-monitor", Role.MONITOR);
    pki.actor("AUD-FA", "auditor-1", Role.AUDITOR);
    pki.actor("ROGUE", "rogue-buyer", Role.BUYER);
    NodeTls.issue(
        authority,
        data,
        "car-node-1",
        List.of("localhost"),
        List.of("127.0.0.1"),
        Instant.now(),
        Duration.ofDays(30));
  }

  /** A client that trusts only the KP authority's CA and presents no certificate. */
  HttpClient anonymous() throws Exception {
    return client(null, null);
  }

  /** A client that presents the actor's certificate (issued by {@code ca}). */
  HttpClient as(String actor, OrganisationCa ca) throws Exception {
    return client(pki.get(actor), ca);
  }

  private HttpClient client(TestPki.TestActor actor, OrganisationCa ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("car-kp", authority.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (actor != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          actor.actorId(),
          actor.key(),
          new char[0],
          new X509Certificate[] {actor.certificate(), ca.certificate()});
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, new char[0]);
    }
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
