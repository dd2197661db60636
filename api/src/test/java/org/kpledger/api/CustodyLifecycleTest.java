package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A full lifecycle over HTTP with actors of seven organisations: registration, purchase, transfers,
 * merge and split, valuation, seal, approval, certificate, export, import confirmation. Every
 * signed event carries its envelope; the events are read back from the event store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustodyLifecycleTest extends LedgerTestBase {
  @org.springframework.beans.factory.annotation.Autowired
  org.kpledger.api.envelope.CommandEnvelopes envelopes;

  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "LC-").setUp();
  }

  @Test
  @Order(1)
  void fullLifecycleFromPurchaseToImportConfirmation() {
    String p = car.p;
    JsonNode purchase =
        ok(
            "col-ndoumba",
            "RecordPurchase",
            car.purchase("LOT-1", "M-1", "S-W", "12.40", "AGR-1", 20));
    assertThat(purchase.path("result").asText()).isEqualTo(p + "LOT-1");
    assertThat(purchase.path("eventIds")).hasSize(2);
    ok("col-ndoumba", "RecordPurchase", car.purchase("LOT-2", "M-2", "S-W", "7.60", "AGR-1", 18));
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-3", "M-1", "S-W", "10.00", "EXP-ALPHA", 15));
    for (String lot : new String[] {"LOT-1", "LOT-2"}) {
      ok(
          "col-ndoumba",
          "OfferTransfer",
          obj(
              "parcelId",
              p + lot,
              "transferId",
              p + "TR-" + lot,
              "toParty",
              "BO-ALPHA",
              "sealId",
              "BAG-" + lot));
      ok(
          "alpha-buyer",
          "AcceptTransfer",
          obj(
              "parcelId",
              p + lot,
              "transferId",
              p + "TR-" + lot,
              "receiverLicence",
              p + "EXP-ALPHA"));
    }
    ok(
        "alpha-buyer",
        "MergeParcels",
        obj(
            "parcelId",
            p + "P-1",
            "sourceParcelIds",
            arr(p + "LOT-1", p + "LOT-2", p + "LOT-3"),
            "carats",
            num("30.00")));
    JsonNode split =
        ok(
            "alpha-buyer",
            "SplitParcel",
            obj(
                "parcelId",
                p + "P-1",
                "parts",
                arr(
                    obj("parcelId", p + "P-1A", "carats", num("20.00")),
                    obj("parcelId", p + "P-1B", "carats", num("10.00")))));
    assertThat(split.path("result")).hasSize(2);
    for (String part : new String[] {"P-1A", "P-1B"}) {
      ok(
          "becdor-valuer",
          "ValueParcel",
          obj(
              "parcelId",
              p + part,
              "valueUsd",
              num("4000.00"),
              "priceListVersion",
              "BECDOR-2026-Q3"));
      ok("becdor-valuer", "SealParcel", obj("parcelId", p + part, "sealId", "SEAL-" + part));
    }
    TraceScenario.certify(this::ok, car, 1, "alpha-buyer", "EXP-ALPHA", p + "P-1A", p + "P-1B");
    ok("alpha-buyer", "ExportShipment", obj("shipmentId", p + "SH-1"));
    ok(
        "be-officer",
        "ConfirmImport",
        obj(
            "certificateNumber",
            "CF-LC-0001",
            "receivedOn",
            car.today.toString(),
            "carats",
            num("30.00"),
            "parcelCount",
            2,
            "importerName",
            "Antwerp Rough NV",
            "exporter",
            "BO-ALPHA"));

    Map<String, Object> confirmation =
        jdbc.queryForMap(
            "SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%ImportConfirmedEvent'",
            "CF-LC-0001");
    assertThat(text(confirmation.get("PAYLOAD"))).contains("\"mismatches\":[]");
    assertThat(text(confirmation.get("META_DATA"))).contains("be-officer").contains("BE-IMPORT");
    assertThat(envelopeNamedBy(text(confirmation.get("META_DATA")))).contains("\"signature\"");
  }

  @Test
  @Order(2)
  void everyEventCarriesTheDigestOfTheEnvelopeItsActorSigned() {
    var metaData =
        jdbc.queryForList(
            "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier LIKE 'LC-%'",
            Object.class);
    assertThat(metaData).isNotEmpty();
    assertThat(metaData)
        .allSatisfy(
            m -> {
              assertThat(text(m))
                  .contains("\"envelopeSha256\"")
                  .doesNotContain("\"envelope\"")
                  .contains("\"actorId\"")
                  .contains("\"commandId\"");
              assertThat(envelopeNamedBy(text(m))).contains("\"signature\"");
            });
  }

  /**
   * The envelope stored for the command of an event's metadata, checked against the digest the
   * event carries.
   */
  private String envelopeNamedBy(String metaData) {
    try {
      var meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metaData);
      String commandId = meta.path("commandId").asText();
      String envelope = envelopes.findAll(java.util.List.of(commandId)).get(commandId);
      assertThat(org.kpledger.custody.LedgerMetaData.envelopeSha256(envelope))
          .isEqualTo(meta.path("envelopeSha256").asText());
      return envelope;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(3)
  void mismatchedImportConfirmationIsRecordedAndFlagged() {
    String p = car.p;
    ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-9", "M-2", "S-W", "5.00", "EXP-ALPHA", 3));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            p + "LOT-9",
            "valueUsd",
            num("900.00"),
            "priceListVersion",
            "BECDOR-2026-Q3"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", p + "LOT-9", "sealId", "SEAL-9"));
    ok(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-9",
            "exporterLicence",
            p + "EXP-ALPHA",
            "importer",
            obj("name", "Dubai Rough DMCC", "country", "AE"),
            "parcelIds",
            arr(p + "LOT-9")));
    ok("mt-monitor", "ApproveShipment", obj("shipmentId", p + "SH-9", "decisionRef", "MT-2026-12"));
    ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            "CF-LC-0009",
            "shipmentId",
            p + "SH-9",
            "issuedOn",
            car.today.toString(),
            "expiresOn",
            car.today.plusDays(30).toString(),
            "hsCode",
            "7102.21"));
    ok("alpha-buyer", "ExportShipment", obj("shipmentId", p + "SH-9"));
    ok(
        "ae-officer",
        "ConfirmImport",
        obj(
            "certificateNumber",
            "CF-LC-0009",
            "receivedOn",
            car.today.toString(),
            "carats",
            num("4.20"),
            "parcelCount",
            1,
            "importerName",
            "Dubai Rough DMCC",
            "exporter",
            "BO-ALPHA"));
    String payload =
        text(
            jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'CF-LC-0009' "
                    + "AND payload_type LIKE '%ImportConfirmedEvent'",
                Object.class));
    assertThat(payload).contains("carats: certificate 5.00, received 4.20");
  }

  /**
   * A payload or metadata column's JSON text, unpacked ({@link
   * org.kpledger.eventstore.PackedJson}).
   */
  static String text(Object column) {
    if (column instanceof byte[] b) {
      return new String(
          org.kpledger.eventstore.PackedJson.unpack(b), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (column instanceof java.sql.Blob blob) {
      try {
        return new String(
            org.kpledger.eventstore.PackedJson.unpack(blob.getBytes(1, (int) blob.length())),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.valueOf(column);
  }
}
