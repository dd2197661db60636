package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The export regime of today (certificate first, from 2 Dec 2019) and the Monitoring Team's
 * cross-check of certificates against import confirmations (issue #15; kp-facts §2.1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateCrossCheckTest extends ReadTestBase {
  private CarFixture car;
  private CarFixture own;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    own = new CarFixture(this::ok, "XC-").setUp();
    ok(
        "alpha-buyer",
        "RecordPurchase",
        own.purchase("LOT-1", "M-1", "S-W", "3.00", "EXP-ALPHA", 2));
    TraceScenario.valueAndSeal(this::ok, "XC-LOT-1", "600.00");
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            "XC-SH-1",
            "exporterLicence",
            "XC-EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            CarFixture.arr("XC-LOT-1")));
    awaitProjections();
  }

  @Test
  void underTheCertificateFirstRegimeTheKpAuthorityCertifiesWithoutPriorApproval() {
    ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            "CF-XC-0001",
            "shipmentId",
            "XC-SH-1",
            "issuedOn",
            own.today.toString(),
            "expiresOn",
            own.today.plusDays(30).toString(),
            "hsCode",
            "7102.31"));
    awaitProjections();
    JsonNode dossier = read("mt-monitor", "/api/shipments/XC-SH-1/dossier");
    assertThat(dossier.path("shipment").path("status").asText()).isEqualTo("CERTIFIED");
    assertThat(dossier.path("shipment").path("decisionRef").isNull()).isTrue();
    JsonNode regime = dossier.path("exportRegime");
    assertThat(regime.path("regime").asText()).isEqualTo("CERTIFICATE_FIRST");
    assertThat(regime.path("effectiveFrom").asText()).isEqualTo("2019-12-02");
    assertThat(regime.path("priorApprovalRequired").asBoolean()).isFalse();
    assertThat(regime.path("basis").asText()).isEqualTo("CERTIFICATION");
    assertThat(regime.path("judgedOn").asText()).isEqualTo(own.today.toString());
  }

  @Test
  void theDossierOfAShipmentCertifiedAfterApprovalShowsTheRegimeOfItsCertificationDay() {
    JsonNode regime = read("mt-monitor", "/api/shipments/TS-SH-3/dossier").path("exportRegime");
    assertThat(regime.path("regime").asText()).isEqualTo("CERTIFICATE_FIRST");
    assertThat(regime.path("basis").asText()).isEqualTo("CERTIFICATION");
  }

  @Test
  void crossCheckListsCertificatesWithoutAConfirmationAfterTheGivenDays() {
    String month = car.today.toString().substring(0, 7);
    JsonNode now = read("mt-monitor", "/api/certificates/cross-check?afterDays=0&month=" + month);
    assertThat(now.path("afterDays").asInt()).isZero();
    assertThat(now.path("month").asText()).isEqualTo(month);
    assertThat(numbers(now.path("unconfirmed")))
        .as("exported today, no confirmation, judged with no delay")
        .contains("CF-TS-0002")
        .doesNotContain("CF-TS-0001", "CF-TS-0003", "CF-XC-0001");
    assertThat(statuses(now.path("unconfirmed"))).containsOnly("UNCONFIRMED");

    JsonNode byDefault = read("kp-certifier", "/api/certificates/cross-check");
    assertThat(byDefault.path("afterDays").asInt()).isEqualTo(30);
    assertThat(numbers(byDefault.path("unconfirmed")))
        .as("within the default 30-day delay")
        .doesNotContain("CF-TS-0002");

    JsonNode otherMonth =
        read("auditor-1", "/api/certificates/cross-check?afterDays=0&month=2019-12");
    assertThat(numbers(otherMonth.path("unconfirmed"))).doesNotContain("CF-TS-0002");
    assertThat(numbers(otherMonth.path("mismatched"))).doesNotContain("CF-TS-0003");
  }

  @Test
  void crossCheckListsConfirmationsThatDifferWithTheFieldsThatDiffer() {
    JsonNode check = read("mt-monitor", "/api/certificates/cross-check?afterDays=0");
    JsonNode mismatched = check.path("mismatched");
    assertThat(numbers(mismatched)).contains("CF-TS-0003").doesNotContain("CF-TS-0001");
    for (JsonNode c : mismatched) {
      if (c.path("certificateNumber").asText().equals("CF-TS-0003")) {
        assertThat(c.path("status").asText()).isEqualTo("CONFIRMED_WITH_MISMATCHES");
        assertThat(TraceScenarioTest.texts(c.path("mismatchedFields"))).containsExactly("carats");
      }
    }
  }

  @Test
  void onlyTheMonitoringTeamTheKpAuthorityAndAuditorsRunTheCrossCheck() {
    problem(get("alpha-buyer", "/api/certificates/cross-check"), 403, "NOT_VISIBLE", null);
  }

  @Test
  void crossCheckRefusesADelayOutsideZeroToTenYears() {
    problem(
        get("mt-monitor", "/api/certificates/cross-check?afterDays=-1"),
        400,
        "INVALID_PARAMETER",
        "afterDays");
  }

  private static List<String> numbers(JsonNode list) {
    return field(list, "certificateNumber");
  }

  private static List<String> statuses(JsonNode list) {
    return field(list, "status");
  }

  private static List<String> field(JsonNode list, String name) {
    return StreamSupport.stream(list.spliterator(), false).map(c -> c.path(name).asText()).toList();
  }
}
