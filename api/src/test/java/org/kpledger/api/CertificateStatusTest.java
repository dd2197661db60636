package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A certificate's status on every endpoint tells the truth (issue #15): a confirmation with
 * mismatches is not shown as clean, an unused certificate past its expiry is expired, and only the
 * importing authority of the importer's country may confirm receipt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateStatusTest extends ReadTestBase {
  private CarFixture car;
  private CarFixture own;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    own = new CarFixture(this::ok, "CS-").setUp();
    ok(
        "alpha-buyer",
        "RecordPurchase",
        own.purchase("LOT-1", "M-1", "S-W", "3.00", "EXP-ALPHA", 2));
    TraceScenario.valueAndSeal(this::ok, "CS-LOT-1", "600.00");
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            "CS-SH-1",
            "exporterLicence",
            "CS-EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            CarFixture.arr("CS-LOT-1")));
    ok("mt-monitor", "ApproveShipment", obj("shipmentId", "CS-SH-1", "decisionRef", "MT-CS-1"));
    ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            "CF-CS-0001",
            "shipmentId",
            "CS-SH-1",
            "issuedOn",
            own.today.minusDays(10).toString(),
            "expiresOn",
            own.today.minusDays(1).toString(),
            "hsCode",
            "7102.31"));
    awaitProjections();
  }

  @Test
  void importConfirmationByTheImportingAuthorityOfAnotherCountryIsRefused() {
    long attempts = refusedAttemptCount();
    JsonNode problem =
        refused(
            Envelopes.sign(
                PKI.get("ae-officer"),
                "ConfirmImport",
                obj(
                    "certificateNumber",
                    "CF-TS-0002",
                    "receivedOn",
                    car.today.toString(),
                    "carats",
                    num("4.00"),
                    "parcelCount",
                    1,
                    "importerName",
                    "Antwerp Rough NV",
                    "exporter",
                    "BO-ALPHA")),
            422,
            "NOT_DESTINATION_COUNTRY");
    assertThat(problem.path("detail").asText()).contains("AE-IMPORT", "BE");
    assertThat(refusedAttemptCount()).as("kept as a refused attempt").isEqualTo(attempts + 1);
    awaitProjections();
    assertThat(publicForm("CF-TS-0002").path("status").asText()).isEqualTo("EXPORTED");
  }

  @Test
  void aConfirmationWithMismatchesIsNotShownAsConfirmedOnThePublicCheck() {
    JsonNode pub = publicForm("CF-TS-0003");
    assertThat(pub.path("status").asText()).isEqualTo("CONFIRMED_WITH_MISMATCHES");
    assertThat(TraceScenarioTest.texts(pub.path("mismatchedFields"))).containsExactly("carats");
    JsonNode clean = publicForm("CF-TS-0001");
    assertThat(clean.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(clean.path("mismatchedFields").size()).isZero();
  }

  @Test
  void everyCertificateEndpointStatesTheSameStatus() {
    JsonNode full = read("mt-monitor", "/api/certificates/CF-TS-0003");
    assertThat(full.path("status").asText()).isEqualTo("CONFIRMED_WITH_MISMATCHES");
    assertThat(TraceScenarioTest.texts(full.path("mismatchedFields"))).containsExactly("carats");
    JsonNode dossier = read("mt-monitor", "/api/shipments/TS-SH-3/dossier");
    assertThat(dossier.path("certificate").path("status").asText())
        .isEqualTo("CONFIRMED_WITH_MISMATCHES");
    assertThat(read("mt-monitor", "/api/certificates/CF-TS-0002").path("status").asText())
        .as("exported today, within the 30-day confirmation delay")
        .isEqualTo("EXPORTED");
  }

  @Test
  void aCertificateNeverUsedAndPastItsExpiryIsExpired() {
    JsonNode pub = publicForm("CF-CS-0001");
    assertThat(pub.path("status").asText()).isEqualTo("EXPIRED");
    assertThat(pub.path("validity").asText()).isEqualTo("EXPIRED");
    assertThat(read("auditor-1", "/api/certificates/CF-CS-0001").path("status").asText())
        .isEqualTo("EXPIRED");
  }

  private JsonNode publicForm(String number) {
    Answer a = send("GET", "/api/public/certificates/" + number, Map.of());
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body();
  }
}
