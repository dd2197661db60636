package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A ledger node of its own (not shared with {@link LedgerTestBase}'s), over an H2 file in a
 * temporary directory that its tests may tamper with; heads are signed every 100 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AuditNode {
  static final Path DATA;
  static final TestPki PKI;

  static {
    try {
      DATA = Files.createTempDirectory("kp-audit-node");
      PKI = new TestPki(DATA.resolve("trust"));
      PKI.organisation("CAR-KP", OrganisationType.KP_AUTHORITY, true);
      PKI.organisation("KP-MT", OrganisationType.MONITORING_TEAM, true);
      PKI.organisation("BO-ALPHA", OrganisationType.BUYING_OFFICE, true);
      PKI.organisation("COLL-MK", OrganisationType.COLLECTORS_ASSOCIATION, true);
      PKI.actor("CAR-KP", "kp-registrar", Role.REGISTRAR);
      PKI.actor("CAR-KP", "becdor-valuer", Role.VALUER);
      PKI.actor("CAR-KP", "kp-certifier", Role.CERTIFYING_OFFICER);
      PKI.actor("KP-MT", "mt-monitor", Role.MONITOR);
      PKI.actor("BO-ALPHA", "alpha-buyer", Role.BUYER);
      PKI.actor("COLL-MK", "col-ndoumba", Role.COLLECTOR);
      PKI.actor("COLL-MK", "col-yakite", Role.COLLECTOR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void nodeProperties(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    registry.add("kp.anchoring.every-interval", () -> "PT0.1S");
    TestDatabase.forDataDir(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Signs and submits as the named actor; asserts acceptance. */
  JsonNode ok(String actor, String type, JsonNode payload) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Envelopes.sign(PKI.get(actor), type, payload)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(type + " by " + actor + ": " + r.body()).isEqualTo(200);
      return LedgerTestBase.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }
}
