package org.kpledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kpledger.identity.Role;

/**
 * Each way a command must be refused, over HTTP, with nothing written to the custody history.
 * Validly signed commands refused by a custody rule are kept as refused attempts; unsigned or badly
 * signed input is stored nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTest extends LedgerTestBase {
  private CarFixture car;

  @BeforeAll
  void referenceData() {
    car = new CarFixture(this::ok, "RF-").setUp();
  }

  private String purchase(String actor, String lot) {
    return Envelopes.sign(
        PKI.get(actor),
        "RecordPurchase",
        car.purchase(
            lot, "M-1", "S-W", "1.00", actor.equals("col-ndoumba") ? "AGR-1" : "AGR-2", 2));
  }

  private void refusedAndStoredNowhere(String body, int status, String rule) {
    long attempts = refusedAttemptCount();
    refused(body, status, rule);
    assertThat(refusedAttemptCount()).as("refused attempts").isEqualTo(attempts);
  }

  private void refusedAndKeptAsEvidence(String actor, String type, JsonNode payload, String rule) {
    long attempts = refusedAttemptCount();
    refused(Envelopes.sign(PKI.get(actor), type, payload), 422, rule);
    assertThat(refusedAttemptCount()).as("refused attempts").isEqualTo(attempts + 1);
  }

  @Test
  void rejectsUnsignedEnvelope() throws Exception {
    refusedAndStoredNowhere(
        Envelopes.without(purchase("col-ndoumba", "U-1"), "signature"), 400, "MALFORMED_ENVELOPE");
  }

  @Test
  void rejectsSignatureByAnotherKey() throws Exception {
    String signedByYakite = purchase("col-yakite", "U-2");
    String claimsNdoumba =
        Envelopes.withMember(
            signedByYakite,
            "signerCertificate",
            new TextNode(
                Base64.getEncoder()
                    .encodeToString(PKI.get("col-ndoumba").certificate().getEncoded())));
    refusedAndStoredNowhere(claimsNdoumba, 401, "BAD_SIGNATURE");
  }

  @Test
  void rejectsHighSSignatureAsFabricDoes() throws Exception {
    refusedAndStoredNowhere(Envelopes.highS(purchase("col-ndoumba", "U-3")), 401, "BAD_SIGNATURE");
  }

  @Test
  void rejectsTamperedPayload() throws Exception {
    String env = purchase("col-ndoumba", "U-4");
    JsonNode node = JSON.readTree(env);
    ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("payload"))
        .set("carats", num("9.00"));
    refusedAndStoredNowhere(JSON.writeValueAsString(node), 401, "BAD_SIGNATURE");
  }

  @Test
  void rejectsExpiredCertificate() {
    var expired =
        PKI.actor(
            "COLL-MK",
            "col-expired",
            Role.COLLECTOR,
            Instant.now().minus(Duration.ofDays(20)),
            Instant.now().minus(Duration.ofDays(1)));
    refusedAndStoredNowhere(
        Envelopes.sign(
            expired, "RecordPurchase", car.purchase("U-5", "M-1", "S-W", "1.00", "AGR-1", 2)),
        401,
        "CERTIFICATE_EXPIRED");
  }

  @Test
  void rejectsRevokedCertificate() {
    var revoked = PKI.actor("BO-BETA", "beta-fired", Role.BUYER);
    ok(
        "beta-buyer",
        "PublishRevocationList",
        obj(
            "crl",
            Base64.getEncoder()
                .encodeToString(
                    encoded(
                        PKI.revocationList("BO-BETA", revoked.certificate().getSerialNumber())))));
    refusedAndStoredNowhere(
        Envelopes.sign(
            revoked, "RecordPurchase", car.purchase("U-6", "M-1", "S-W", "1.00", "EXP-BETA", 2)),
        401,
        "CERTIFICATE_REVOKED");
  }

  @Test
  void rejectsCertificateFromForeignCa() {
    refusedAndStoredNowhere(
        Envelopes.sign(
            PKI.get("rogue-buyer"),
            "RecordPurchase",
            car.purchase("U-7", "M-1", "S-W", "1.00", "EXP-ALPHA", 2)),
        401,
        "UNKNOWN_ISSUER");
  }

  @Test
  void rejectsRoleNotAllowedForTheCommand() {
    refusedAndStoredNowhere(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "ApproveShipment",
            obj("shipmentId", "X", "decisionRef", "self-approval")),
        403,
        "ROLE_NOT_ALLOWED");
  }

  @Test
  void rejectsIssuedAtOutsideTheWindow() {
    refusedAndStoredNowhere(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "RecordPurchase",
            UUID.randomUUID().toString(),
            Instant.now().minus(Duration.ofHours(2)),
            car.purchase("U-8", "M-1", "S-W", "1.00", "AGR-1", 2)),
        401,
        "ISSUED_AT_OUTSIDE_WINDOW");
  }

  @Test
  void replayedEnvelopeReturnsTheFirstResultAndReusedIdWithOtherBodyIsRefused() {
    String id = UUID.randomUUID().toString();
    Instant at = Instant.now();
    String first =
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "RecordPurchase",
            id,
            at,
            car.purchase("R-1", "M-1", "S-W", "1.00", "AGR-1", 2));
    Answer a = post(first);
    assertThat(a.status()).isEqualTo(200);
    long events = eventCount();
    Answer again = post(first);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(a.body());
    assertThat(eventCount()).isEqualTo(events);
    refusedAndStoredNowhere(
        Envelopes.sign(
            PKI.get("col-ndoumba"),
            "RecordPurchase",
            id,
            at,
            car.purchase("R-2", "M-1", "S-W", "1.00", "AGR-1", 2)),
        409,
        "COMMAND_ID_REUSED");
  }

  @Test
  void rejectsPurchaseFromMinerWhosePatenteHadExpired() {
    refusedAndKeptAsEvidence(
        "col-ndoumba",
        "RecordPurchase",
        car.purchase("X-1", "M-EXP", "S-W", "1.00", "AGR-1", 2),
        "PATENTE_NOT_VALID");
  }

  @Test
  void rejectsShipmentOfLotFromZoneNotCompliantOnPurchaseDay() {
    String p = car.p;
    ok("beta-buyer", "RecordPurchase", car.purchase("E-1", "M-E", "S-E", "3.00", "EXP-BETA", 5));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            p + "E-1",
            "valueUsd",
            num("600.00"),
            "priceListVersion",
            "BECDOR-2026-Q3"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", p + "E-1", "sealId", "SEAL-E-1"));
    refusedAndKeptAsEvidence(
        "beta-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-E",
            "exporterLicence",
            p + "EXP-BETA",
            "importer",
            obj("name", "Dubai Rough", "country", "AE"),
            "parcelIds",
            arr(p + "E-1")),
        "ZONE_NOT_COMPLIANT");
  }

  @Test
  void rejectsTransferByNonHolderAndDoubleTransfer() {
    String p = car.p;
    ok("col-ndoumba", "RecordPurchase", car.purchase("T-1", "M-1", "S-W", "2.00", "AGR-1", 3));
    refusedAndKeptAsEvidence(
        "col-yakite",
        "OfferTransfer",
        obj(
            "parcelId",
            p + "T-1",
            "transferId",
            p + "TR-X",
            "toParty",
            "BO-BETA",
            "sealId",
            "BAG-T"),
        "NOT_HOLDER");
    ok(
        "col-ndoumba",
        "OfferTransfer",
        obj(
            "parcelId",
            p + "T-1",
            "transferId",
            p + "TR-1",
            "toParty",
            "BO-ALPHA",
            "sealId",
            "BAG-T"));
    refusedAndKeptAsEvidence(
        "col-ndoumba",
        "OfferTransfer",
        obj(
            "parcelId",
            p + "T-1",
            "transferId",
            p + "TR-2",
            "toParty",
            "BO-BETA",
            "sealId",
            "BAG-T"),
        "TRANSFER_PENDING");
    ok(
        "alpha-buyer",
        "AcceptTransfer",
        obj("parcelId", p + "T-1", "transferId", p + "TR-1", "receiverLicence", p + "EXP-ALPHA"));
    refusedAndKeptAsEvidence(
        "alpha-buyer",
        "AcceptTransfer",
        obj("parcelId", p + "T-1", "transferId", p + "TR-1", "receiverLicence", p + "EXP-ALPHA"),
        "NO_PENDING_TRANSFER");
  }

  @Test
  void rejectsMergeThatInflatesCarats() {
    String p = car.p;
    ok("col-yakite", "RecordPurchase", car.purchase("C-1", "M-2", "S-W", "2.00", "AGR-2", 3));
    ok("col-yakite", "RecordPurchase", car.purchase("C-2", "M-2", "S-W", "3.00", "AGR-2", 3));
    refusedAndKeptAsEvidence(
        "col-yakite",
        "MergeParcels",
        obj(
            "parcelId",
            p + "C-M",
            "sourceParcelIds",
            arr(p + "C-1", p + "C-2"),
            "carats",
            num("5.50")),
        "CARATS_NOT_CONSERVED");
  }

  @Test
  void refusedMergeLeavesItsSourcesAsTheyWere() {
    String p = car.p;
    ok("col-yakite", "RecordPurchase", car.purchase("C-3", "M-2", "S-W", "2.00", "AGR-2", 3));
    ok("col-yakite", "RecordPurchase", car.purchase("C-4", "M-2", "S-W", "3.00", "AGR-2", 3));
    refusedAndKeptAsEvidence(
        "col-yakite",
        "MergeParcels",
        obj(
            "parcelId",
            p + "C-M2",
            "sourceParcelIds",
            arr(p + "C-3", p + "C-4"),
            "carats",
            num("5.50")),
        "CARATS_NOT_CONSERVED");
    // Both sources had given up their contents in memory before the merged parcel was refused:
    // the rollback must not leave that in the node's aggregate cache.
    ok(
        "col-yakite",
        "MergeParcels",
        obj(
            "parcelId",
            p + "C-M2",
            "sourceParcelIds",
            arr(p + "C-3", p + "C-4"),
            "carats",
            num("5.00")));
  }

  @Test
  void rejectsExportOfQuarantinedStockpileItem() {
    String p = car.p;
    ok(
        "alpha-buyer",
        "DeclareStockpile",
        obj(
            "stockpileId",
            p + "ST-1",
            "declaredOn",
            car.today.minusDays(3).toString(),
            "location",
            "Bangui",
            "items",
            arr(
                obj(
                    "parcelId",
                    p + "ST-1-A",
                    "carats",
                    num("40.00"),
                    "zoneId",
                    car.west(),
                    "acquiredOn",
                    "2014-03-10",
                    "description",
                    "bought during the suspension"))));
    ok(
        "becdor-valuer",
        "ValueParcel",
        obj(
            "parcelId",
            p + "ST-1-A",
            "valueUsd",
            num("8000.00"),
            "priceListVersion",
            "BECDOR-2026-Q3"));
    ok("becdor-valuer", "SealParcel", obj("parcelId", p + "ST-1-A", "sealId", "SEAL-ST-1-A"));
    refusedAndKeptAsEvidence(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-ST",
            "exporterLicence",
            p + "EXP-ALPHA",
            "importer",
            obj("name", "Antwerp NV", "country", "BE"),
            "parcelIds",
            arr(p + "ST-1-A")),
        "STOCKPILE_QUARANTINED");
  }

  @Test
  void rejectsCertificateWithoutHsCode() {
    refusedAndStoredNowhere(
        Envelopes.sign(
            PKI.get("kp-certifier"),
            "IssueCertificate",
            obj(
                "certificateNumber",
                "CF-RF-0001",
                "shipmentId",
                "RF-SH-NONE",
                "issuedOn",
                car.today.toString(),
                "expiresOn",
                car.today.plusDays(30).toString())),
        400,
        "CONSTRAINT_VIOLATED");
  }

  private static byte[] encoded(java.security.cert.X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }
}
