package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.TraceScenarioTest.field;
import static org.kpledger.api.TraceScenarioTest.texts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Refused attempts are readable by those entitled to them (issue #15): the Monitoring Team sees who
 * tried to ship what, an organisation its own, and a shipment refused at proposal has a dossier and
 * a trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedAttemptsTest extends ReadTestBase {
  private CarFixture car;

  @BeforeAll
  void scenario() {
    car = TraceScenario.shared(this::ok, this::refuse);
    awaitProjections();
  }

  @Test
  void theMonitoringTeamListsRefusedAttemptsBySubjectWithWhatWasAttempted() {
    JsonNode page = read("mt-monitor", "/api/refused-attempts?subject=TS-SH-X");
    assertThat(page.path("total").asInt()).isEqualTo(1);
    JsonNode a = page.path("items").get(0);
    assertThat(a.path("commandType").asText()).isEqualTo("ProposeShipment");
    assertThat(a.path("actorId").asText()).isEqualTo("alpha-buyer");
    assertThat(a.path("organisationId").asText()).isEqualTo("BO-ALPHA");
    assertThat(a.path("rule").asText()).isNotBlank();
    assertThat(a.path("refusedAt").asText()).isNotBlank();
    assertThat(texts(a.path("payload").path("parcelIds"))).containsExactly("TS-LOT-E");
  }

  @Test
  void refusedAttemptsAreFilteredByOrganisationCommandTypeAndDay() {
    String beta = "/api/refused-attempts?organisation=BO-BETA&commandType=OfferTransfer&size=500";
    JsonNode offers = read("auditor-1", beta);
    assertThat(field(offers.path("items"), "commandType"))
        .isNotEmpty()
        .containsOnly("OfferTransfer");
    assertThat(field(offers.path("items"), "organisationId")).containsOnly("BO-BETA");
    assertThat(
            offers.path("items").findValues("payload").stream()
                .map(p -> p.path("transferId").asText()))
        .contains("TS-TR-STEAL");
    String days =
        "&subject=TS-SH-X&from=" + car.today.minusDays(1) + "&to=" + car.today.plusDays(1);
    assertThat(read("mt-monitor", "/api/refused-attempts?" + days).path("total").asInt())
        .isEqualTo(1);
    assertThat(
            read(
                    "mt-monitor",
                    "/api/refused-attempts?subject=TS-SH-X&from=" + car.today.plusDays(2))
                .path("total")
                .asInt())
        .isZero();
    problem(
        get("mt-monitor", "/api/refused-attempts?from=2026-02-02&to=2026-02-01"),
        400,
        "INVALID_PARAMETER",
        "to");
  }

  @Test
  void anOrganisationReadsOnlyItsOwnRefusedAttempts() {
    JsonNode own = read("alpha-buyer", "/api/refused-attempts?size=500");
    assertThat(field(own.path("items"), "organisationId")).isNotEmpty().containsOnly("BO-ALPHA");
    JsonNode beta = read("beta-buyer", "/api/refused-attempts?subject=TS-SH-X");
    assertThat(beta.path("total").asInt()).isZero();
    problem(
        get("beta-buyer", "/api/refused-attempts?organisation=BO-ALPHA"),
        403,
        "NOT_VISIBLE",
        "organisation");
  }

  @Test
  void theDossierOfAShipmentRefusedAtProposalShowsWhatWasAttempted() {
    JsonNode d = read("mt-monitor", "/api/shipments/TS-SH-X/dossier");
    assertThat(d.path("shipment").isNull()).isTrue();
    JsonNode p = d.path("refusedProposals").get(0);
    assertThat(p.path("actorId").asText()).isEqualTo("alpha-buyer");
    assertThat(p.path("organisationId").asText()).isEqualTo("BO-ALPHA");
    assertThat(p.path("rule").asText()).isNotBlank();
    assertThat(p.path("refusedAt").asText()).isNotBlank();
    assertThat(texts(p.path("parcelIds"))).containsExactly("TS-LOT-E");
    assertThat(p.path("importer").path("country").asText()).isEqualTo("AE");
    assertThat(texts(d.path("trace").path("startItems"))).containsExactly("TS-LOT-E");
    problem(get("mt-monitor", "/api/shipments/TS-SH-NONE/dossier"), 404, "UNKNOWN_ID", null);
  }

  @Test
  void theTraceOfAShipmentRefusedAtProposalShowsWhatWasAttempted() {
    JsonNode t = read("mt-monitor", "/api/trace/back/shipments/TS-SH-X");
    assertThat(texts(t.path("refusedProposals").get(0).path("parcelIds")))
        .containsExactly("TS-LOT-E");
    assertThat(t.path("exportable").asBoolean()).isFalse();
    assertThat(read("alpha-buyer", "/api/trace/back/shipments/TS-SH-X").path("refusedProposals"))
        .hasSize(1);
    problem(
        get("beta-buyer", "/api/trace/back/shipments/TS-SH-X"), 403, "NOT_VISIBLE", "shipmentId");
  }
}
