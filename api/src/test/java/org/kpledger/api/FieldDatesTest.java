package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Field dates over HTTP (issue #15): a transfer, its acceptance, a proposal and an export carry the
 * day they happened in the field ({@code fieldDate}, optional, the record day when absent), the
 * rules judge on it, and a late entry is decided when the command runs and kept on its event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldDatesTest extends ReadTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "FD-").setUp();
    // the buying office's export licence is suspended for the last three days
    ok(
        "kp-registrar",
        "ChangeLicenceStatus",
        obj(
            "licenceNumber",
            car.p + "EXP-BETA",
            "status",
            "SUSPENDED",
            "effectiveFrom",
            daysAgo(3).toString(),
            "reason",
            "audit pending"));
  }

  private LocalDate daysAgo(int days) {
    return car.today.minusDays(days);
  }

  private void bought(String lot, int daysAgo) {
    ok("col-ndoumba", "RecordPurchase", car.purchase(lot, "M-1", "S-W", "2.00", "AGR-1", daysAgo));
  }

  private ObjectNode offer(String lot, String toParty, LocalDate fieldDate) {
    ObjectNode o =
        obj(
            "parcelId",
            car.p + lot,
            "transferId",
            car.p + "TR-" + lot,
            "toParty",
            toParty,
            "sealId",
            "BAG-" + lot);
    return fieldDate == null ? o : o.put("fieldDate", fieldDate.toString());
  }

  private ObjectNode accept(String lot, String licence, LocalDate fieldDate) {
    ObjectNode a =
        obj("parcelId", car.p + lot, "transferId", car.p + "TR-" + lot, "receiverLicence", licence);
    return fieldDate == null ? a : a.put("fieldDate", fieldDate.toString());
  }

  private String storedPayload(String aggregate, String eventType) {
    return CustodyLifecycleTest.text(
        jdbc.queryForObject(
            "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ? ORDER BY sequence_number DESC LIMIT 1",
            Object.class,
            aggregate,
            "%" + eventType));
  }

  private JsonNode refusedWith(String actor, String type, JsonNode payload, String rule) {
    return refused(Envelopes.sign(PKI.get(actor), type, payload), 422, rule);
  }

  @Test
  void judgesTheReceiversLicenceOnTheAcceptancesFieldDateNotTheRecordDay() {
    bought("LOT-1", 10);
    ok("col-ndoumba", "OfferTransfer", offer("LOT-1", "BO-BETA", daysAgo(6)));
    ok("beta-buyer", "AcceptTransfer", accept("LOT-1", car.p + "EXP-BETA", daysAgo(5)));

    String accepted = storedPayload(car.p + "LOT-1", "TransferAcceptedEvent");
    assertThat(accepted)
        .contains("\"fieldDate\":\"" + daysAgo(5) + "\"")
        .contains("\"lateEntry\":true");
    assertThat(storedPayload(car.p + "LOT-1", "TransferOfferedEvent"))
        .contains("\"fieldDate\":\"" + daysAgo(6) + "\"");

    // holdings as of a day follow custody on the field date, not the record day
    awaitProjections();
    assertThat(heldBy("BO-BETA", daysAgo(5))).contains(car.p + "LOT-1");
    assertThat(heldBy("BO-BETA", daysAgo(6))).doesNotContain(car.p + "LOT-1");
  }

  private java.util.List<String> heldBy(String holder, LocalDate day) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    read("mt-monitor", "/api/holdings?holder=" + holder + "&asOf=" + day + "&size=500")
        .path("items")
        .path("items")
        .forEach(i -> ids.add(i.path("itemId").asText()));
    return ids;
  }

  @Test
  void refusesAnAcceptanceWithoutFieldDateOnARecordDayTheLicenceIsSuspended() {
    bought("LOT-2", 10);
    ok("col-ndoumba", "OfferTransfer", offer("LOT-2", "BO-BETA", null));
    JsonNode problem =
        refusedWith(
            "beta-buyer",
            "AcceptTransfer",
            accept("LOT-2", car.p + "EXP-BETA", null),
            "RECEIVER_NOT_LICENSED");
    assertThat(problem.path("field").asText()).isEqualTo("payload.receiverLicence");
  }

  @Test
  void refusesAFieldDateAfterTheRecordDay() {
    bought("LOT-3", 10);
    JsonNode problem =
        refusedWith(
            "col-ndoumba",
            "OfferTransfer",
            offer("LOT-3", "BO-ALPHA", car.today.plusDays(2)),
            "FIELD_DATE_AFTER_RECORD_DAY");
    assertThat(problem.path("field").asText()).isEqualTo("payload.fieldDate");
  }

  @Test
  void refusesATransferDatedBeforeTheLotWasBought() {
    bought("LOT-4", 10);
    JsonNode problem =
        refusedWith(
            "col-ndoumba",
            "OfferTransfer",
            offer("LOT-4", "BO-ALPHA", daysAgo(12)),
            "FIELD_DATE_BEFORE_PREVIOUS_STEP");
    assertThat(problem.path("field").asText()).isEqualTo("payload.fieldDate");
  }

  @Test
  void decidesAPurchasesLateEntryWhenItIsRecordedAndKeepsItOnTheEvent() {
    bought("LOT-5", 5);
    bought("LOT-6", 1);

    assertThat(storedPayload(car.p + "LOT-5", "LotPurchasedEvent")).contains("\"lateEntry\":true");
    assertThat(storedPayload(car.p + "LOT-6", "LotPurchasedEvent")).contains("\"lateEntry\":false");
  }

  @Test
  void judgesTheProposalAndTheExportOnTheirFieldDates() {
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-7", "M-1", "S-W", "3.00", "EXP-ALPHA", 12));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            car.p + "LOT-7",
            "valueUsd",
            num("900.00"),
            "priceListVersion",
            "BECDOR-2026-Q4"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", car.p + "LOT-7", "sealId", "SEAL-FD-7"));
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            car.p + "SH-7",
            "exporterLicence",
            car.p + "EXP-ALPHA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            arr(car.p + "LOT-7"),
            "fieldDate",
            daysAgo(8).toString()));
    assertThat(storedPayload(car.p + "SH-7", "ShipmentProposedEvent"))
        .contains("\"proposedOn\":\"" + daysAgo(8) + "\"")
        .contains("\"lateEntry\":true");
    ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            "CF-FD-0007",
            "shipmentId",
            car.p + "SH-7",
            "issuedOn",
            daysAgo(7).toString(),
            "expiresOn",
            daysAgo(2).toString(),
            "hsCode",
            "7102.31"));
    refusedWith(
        "alpha-buyer",
        "ExportShipment",
        obj("shipmentId", car.p + "SH-7", "fieldDate", daysAgo(9).toString()),
        "FIELD_DATE_BEFORE_PREVIOUS_STEP");
    // recorded today, the certificate has expired; on the export's field date it had not
    JsonNode expired =
        refusedWith(
            "alpha-buyer",
            "ExportShipment",
            obj("shipmentId", car.p + "SH-7"),
            "CERTIFICATE_EXPIRED");
    assertThat(expired.path("field").asText()).isEqualTo("payload.fieldDate");
    ok(
        "alpha-buyer",
        "ExportShipment",
        obj("shipmentId", car.p + "SH-7", "fieldDate", daysAgo(4).toString()));
    assertThat(storedPayload(car.p + "SH-7", "ShipmentExportedEvent"))
        .contains("\"exportedOn\":\"" + daysAgo(4) + "\"")
        .contains("\"lateEntry\":true");
  }

  @Test
  void refusesAProposalOnAFieldDateTheExportLicenceWasSuspended() {
    ok(
        "beta-buyer",
        "RecordPurchase",
        obj(
            "lotId",
            car.p + "LOT-8",
            "slipNumber",
            "SLIP-FD-8",
            "minerId",
            car.p + "M-2",
            "siteId",
            car.p + "S-W",
            "carats",
            num("1.00"),
            "stoneCount",
            2,
            "priceUsd",
            num("100.00"),
            "buyerLicence",
            car.p + "EXP-BETA",
            "occurredAt",
            car.now.minus(java.time.Duration.ofDays(10)).toString()));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            car.p + "LOT-8",
            "valueUsd",
            num("100.00"),
            "priceListVersion",
            "BECDOR-2026-Q4"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", car.p + "LOT-8", "sealId", "SEAL-FD-8"));
    ObjectNode proposal =
        obj(
            "shipmentId",
            car.p + "SH-8",
            "exporterLicence",
            car.p + "EXP-BETA",
            "importer",
            obj("name", "Antwerp Rough NV", "country", "BE"),
            "parcelIds",
            arr(car.p + "LOT-8"));
    JsonNode today =
        refusedWith("beta-buyer", "ProposeShipment", proposal, "EXPORTER_NOT_LICENSED");
    assertThat(today.path("field").asText()).isEqualTo("payload.exporterLicence");
    ok("beta-buyer", "ProposeShipment", proposal.put("fieldDate", daysAgo(4).toString()));
  }
}
