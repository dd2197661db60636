package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A custody rule's {@code 422} names the payload member at fault in {@code field} (issue #15): the
 * licence, the third source of a merge, the second parcel of a proposal, or {@code payload} when
 * the rule blames the command as a whole. The ledger's {@code EveryRefusalNamesItsFieldTest} checks
 * that every rule states one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalFieldsTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "RFF-").setUp();
    ok("alpha-buyer", "RecordPurchase", car.purchase("A", "M-1", "S-W", "2.00", "EXP-ALPHA", 9));
    ok("alpha-buyer", "RecordPurchase", car.purchase("B", "M-2", "S-W", "2.00", "EXP-ALPHA", 9));
    ok("alpha-buyer", "RecordPurchase", car.purchase("C", "M-2", "S-W", "2.00", "EXP-ALPHA", 9));
    ok("alpha-buyer", "RecordPurchase", car.purchase("D", "M-1", "S-W", "2.00", "EXP-ALPHA", 9));
    ok("alpha-buyer", "RecordPurchase", car.purchase("E", "M-E", "S-E", "2.00", "EXP-ALPHA", 9));
    ok("col-ndoumba", "RecordPurchase", car.purchase("N", "M-1", "S-W", "2.00", "AGR-1", 9));
    for (String lot : new String[] {"A", "D", "E"}) {
      ok(
          "becdor-valuer",
          "ValueParcel",
          obj(
              "parcelId",
              car.p + lot,
              "valueUsd",
              num("500.00"),
              "priceListVersion",
              "BECDOR-2026-Q4"));
      ok("becdor-valuer", "SealParcel", obj("parcelId", car.p + lot, "sealId", "SEAL-" + lot));
    }
  }

  private ObjectNode proposal(String shipment, String... parcels) {
    return obj(
        "shipmentId",
        car.p + shipment,
        "exporterLicence",
        car.p + "EXP-ALPHA",
        "importer",
        obj("name", "Antwerp Rough NV", "country", "BE"),
        "parcelIds",
        arr((Object[]) java.util.Arrays.stream(parcels).map(p -> car.p + p).toArray()));
  }

  private String fieldOfRefusal(String actor, String type, JsonNode payload, String rule) {
    return refused(Envelopes.sign(PKI.get(actor), type, payload), 422, rule).path("field").asText();
  }

  @Test
  void namesTheReceiversLicenceWhenItIsNotTheReceiversOwn() {
    ok(
        "col-ndoumba",
        "OfferTransfer",
        obj(
            "parcelId",
            car.p + "N",
            "transferId",
            car.p + "TR-N",
            "toParty",
            "BO-ALPHA",
            "sealId",
            "BAG-N"));
    assertThat(
            fieldOfRefusal(
                "alpha-buyer",
                "AcceptTransfer",
                obj(
                    "parcelId",
                    car.p + "N",
                    "transferId",
                    car.p + "TR-N",
                    "receiverLicence",
                    car.p + "EXP-BETA"),
                "RECEIVER_NOT_LICENSED"))
        .isEqualTo("payload.receiverLicence");
    ok("col-ndoumba", "CancelTransfer", obj("parcelId", car.p + "N", "transferId", car.p + "TR-N"));
  }

  @Test
  void namesTheUnsealedParcelOfAProposalByItsPlace() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer", "ProposeShipment", proposal("SH-1", "A", "B"), "NOT_SEALED"))
        .isEqualTo("payload.parcelIds[1]");
  }

  @Test
  void namesTheParcelCarryingALotFromANonCompliantZoneByItsPlace() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer", "ProposeShipment", proposal("SH-2", "A", "E"), "ZONE_NOT_COMPLIANT"))
        .isEqualTo("payload.parcelIds[1]");
  }

  @Test
  void namesAnUnknownParcelOfAProposalByItsPlace() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer", "ProposeShipment", proposal("SH-3", "A", "NOPE"), "UNKNOWN_ITEM"))
        .isEqualTo("payload.parcelIds[1]");
  }

  @Test
  void namesTheSourceOfAMergeItsSignerDoesNotHold() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer",
                "MergeParcels",
                obj(
                    "parcelId",
                    car.p + "M-BCN",
                    "sourceParcelIds",
                    arr(car.p + "B", car.p + "C", car.p + "N"),
                    "carats",
                    num("6.00")),
                "NOT_HOLDER"))
        .isEqualTo("payload.sourceParcelIds[2]");
  }

  @Test
  void namesTheMinerOfASlipFromAnUnregisteredMiner() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer",
                "RecordPurchase",
                car.purchase("X", "M-NOBODY", "S-W", "1.00", "EXP-ALPHA", 1),
                "UNKNOWN_MINER"))
        .isEqualTo("payload.minerId");
  }

  @Test
  void namesTheParcelIdOfACommandOnAnItemThatDoesNotExist() {
    assertThat(
            fieldOfRefusal(
                "alpha-buyer",
                "AcceptTransfer",
                obj(
                    "parcelId",
                    car.p + "NEVER",
                    "transferId",
                    car.p + "TR-NEVER",
                    "receiverLicence",
                    car.p + "EXP-ALPHA"),
                "UNKNOWN_ITEM"))
        .isEqualTo("payload.parcelId");
  }

  @Test
  void namesThePayloadAsAWholeWhenTheRuleBlamesNoMember() {
    ok("alpha-buyer", "ProposeShipment", proposal("SH-OK", "D"));
    assertThat(
            fieldOfRefusal(
                "alpha-buyer",
                "ExportShipment",
                obj("shipmentId", car.p + "SH-OK"),
                "SHIPMENT_OUT_OF_ORDER"))
        .isEqualTo("payload");
  }

  @Test
  void namesTheMemberOfTheBatchCommandAtFault() {
    String batch =
        "{\"commands\": ["
            + Envelopes.sign(
                PKI.get("alpha-buyer"),
                "RecordPurchase",
                car.purchase("Y", "M-1", "S-W", "1.00", "EXP-ALPHA", 1))
            + ","
            + Envelopes.sign(
                PKI.get("alpha-buyer"),
                "AcceptTransfer",
                obj(
                    "parcelId",
                    car.p + "C",
                    "transferId",
                    car.p + "TR-NONE",
                    "receiverLicence",
                    car.p + "EXP-ALPHA"))
            + "]}";
    long events = eventCount();
    Answer a = post(batch, "application/json", "/api/commands/batch");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(422);
    assertThat(a.body().path("rule").asText()).isEqualTo("NO_PENDING_TRANSFER");
    assertThat(a.body().path("field").asText()).isEqualTo("commands[1].payload.transferId");
    assertThat(eventCount()).isEqualTo(events);
  }
}
