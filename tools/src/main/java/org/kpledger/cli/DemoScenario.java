package org.kpledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.licence.LicenceKind;
import org.kpledger.world.Patente;
import org.kpledger.world.RegistryCommand;
import org.kpledger.world.RegistryScript;

/**
 * A realistic CAR scenario, through signed commands only: zones with their dated decisions,
 * licences, sites, miners and production (written by the tools' one registry script, {@link
 * RegistryScript}), purchases by collectors and two buying offices, custody transfers, merge and
 * split, valuation and sealing, one shipment approved, certified, exported and confirmed by the
 * importing authority, one rejected by the Monitoring Team, one refused by the export gate (a lot
 * from a non-compliant eastern zone), a Bangui stockpile with quarantined items and an audit
 * clearance, a confiscation, and a shipment awaiting the Monitoring Team's review.
 */
final class DemoScenario {
  /** Submits one signed command as the named actor and returns the ledger's answer. */
  interface Ledger {
    JsonNode submit(String actor, String commandType, JsonNode payload);

    /** Submits a command the ledger must refuse with {@code rule}; returns the problem. */
    JsonNode expectRefusal(String actor, String commandType, JsonNode payload, String rule);
  }

  private final Ledger ledger;
  private final RegistryScript registry = new RegistryScript("kp-registrar", "mt-monitor");
  private final Instant now;
  private final LocalDate today;

  DemoScenario(Ledger ledger, Instant now) {
    this.ledger = ledger;
    this.now = now;
    this.today = LedgerCalendar.dateOf(now);
  }

  void run(List<String[]> zones, List<String[]> decisions) {
    seedZones(zones, decisions);
    licencesSitesMiners();
    purchases();
    alphaShipment();
    betaShipments();
    stockpile();
    confiscation();
    awaitingReview();
  }

  private void seedZones(List<String[]> zones, List<String[]> decisions) {
    registry.zones(zones, decisions).forEach(this::submit);
  }

  private void licencesSitesMiners() {
    licence("EXP-ALPHA-2026", LicenceKind.EXPORT_LICENCE, "BO-ALPHA", -300, 400);
    licence("EXP-BETA-2026", LicenceKind.EXPORT_LICENCE, "BO-BETA", -300, 400);
    licence("AGR-0112", LicenceKind.AGREMENT, "col-ndoumba", -300, 400);
    licence("AGR-0147", LicenceKind.AGREMENT, "col-yakite", -300, 400);
    site("S-BERB-01", "Bania river terraces", "BERBERATI", "4.2612", "15.7921");
    site("S-CARN-01", "Carnot north pits", "CARNOT", "4.9400", "15.8700");
    site("S-NOLA-01", "Sangha banks", "NOLA", "3.5330", "16.0660");
    site("S-BRIA-01", "Kotto gravels", "BRIA", "6.5400", "21.9860");
    miner("M-001", "Jean-Pierre Ndoumba", "S-BERB-01", 400);
    miner("M-002", "Clarisse Feindiro", "S-BERB-01", 400);
    miner("M-003", "Albert Yakoma", "S-CARN-01", 400);
    miner("M-004", "Sylvie Gbazi", "S-NOLA-01", 400);
    miner("M-005", "Idriss Mahamat", "S-BRIA-01", 400);
    miner("M-006", "Thierry Kossi", "S-CARN-01", -30);
    for (String[] p :
        new String[][] {
          {"S-BERB-01", "M-001", "120.00"}, {"S-BERB-01", "M-002", "80.00"},
          {"S-CARN-01", "M-003", "60.00"}, {"S-NOLA-01", "M-004", "50.00"},
          {"S-BRIA-01", "M-005", "40.00"}, {"S-CARN-01", "M-006", "10.00"}
        }) {
      submit(registry.production(p[0], "PR-" + p[1], p[1], new BigDecimal(p[2]), 40, day(-60)));
    }
  }

  private void purchases() {
    purchase("col-ndoumba", "AGR-0112", "LOT-001", "M-001", "S-BERB-01", "12.40", "3100.00", -40);
    purchase("col-ndoumba", "AGR-0112", "LOT-002", "M-002", "S-BERB-01", "8.75", "2300.00", -38);
    purchase("col-yakite", "AGR-0147", "LOT-003", "M-003", "S-CARN-01", "5.10", "1200.00", -35);
    purchase("col-yakite", "AGR-0147", "LOT-004", "M-004", "S-NOLA-01", "6.30", "1500.00", -34);
    purchase("beta-buyer", "EXP-BETA-2026", "LOT-005", "M-005", "S-BRIA-01", "4.20", "900.00", -33);
    purchase(
        "alpha-buyer", "EXP-ALPHA-2026", "LOT-006", "M-001", "S-BERB-01", "9.00", "2250.00", -30);
    ledger.expectRefusal(
        "col-yakite",
        "RecordPurchase",
        purchaseSlip("AGR-0147", "LOT-007", "M-006", "S-CARN-01", "2.00", "400.00", -20),
        "PATENTE_NOT_VALID");
    for (String lot : List.of("LOT-001", "LOT-002")) {
      transfer("col-ndoumba", "alpha-buyer", lot, "BO-ALPHA");
    }
    transfer("col-yakite", "beta-buyer", "LOT-004", "BO-BETA");
  }

  private void alphaShipment() {
    ledger.submit(
        "alpha-buyer",
        "MergeParcels",
        Json.obj(
            "parcelId",
            "P-ALPHA-001",
            "sourceParcelIds",
            Json.arr("LOT-001", "LOT-002", "LOT-006"),
            "carats",
            Json.num("30.15")));
    ledger.submit(
        "alpha-buyer",
        "SplitParcel",
        Json.obj(
            "parcelId",
            "P-ALPHA-001",
            "parts",
            Json.arr(
                Json.obj("parcelId", "P-ALPHA-001A", "carats", Json.num("18.00")),
                Json.obj("parcelId", "P-ALPHA-001B", "carats", Json.num("12.15")))));
    valueAndSeal("P-ALPHA-001A", "5200.00", "SEAL-A-0001");
    valueAndSeal("P-ALPHA-001B", "2900.00", "SEAL-A-0002");
    ledger.submit(
        "alpha-buyer",
        "ProposeShipment",
        Json.obj(
            "shipmentId",
            "SH-ALPHA-001",
            "exporterLicence",
            "EXP-ALPHA-2026",
            "importer",
            Json.obj("name", "Antwerp Rough Trading NV", "country", "BE"),
            "parcelIds",
            Json.arr("P-ALPHA-001A", "P-ALPHA-001B")));
    ledger.submit(
        "mt-monitor",
        "ApproveShipment",
        Json.obj(
            "shipmentId",
            "SH-ALPHA-001",
            "decisionRef",
            "MT review of the monthly shipment, footprint consistent with Berberati"));
    ledger.submit(
        "kp-certifier",
        "IssueCertificate",
        Json.obj(
            "certificateNumber",
            "CF-2026-0001",
            "shipmentId",
            "SH-ALPHA-001",
            "issuedOn",
            today.toString(),
            "expiresOn",
            today.plusDays(60).toString(),
            "hsCode",
            "7102.31"));
    ledger.submit("alpha-buyer", "ExportShipment", Json.obj("shipmentId", "SH-ALPHA-001"));
    ledger.submit(
        "be-import-officer",
        "ConfirmImport",
        Json.obj(
            "certificateNumber",
            "CF-2026-0001",
            "receivedOn",
            today.toString(),
            "carats",
            Json.num("30.15"),
            "parcelCount",
            2,
            "importerName",
            "Antwerp Rough Trading NV",
            "exporter",
            "BO-ALPHA"));
  }

  private void betaShipments() {
    ledger.submit(
        "beta-buyer",
        "MergeParcels",
        Json.obj(
            "parcelId",
            "P-BETA-001",
            "sourceParcelIds",
            Json.arr("LOT-004", "LOT-005"),
            "carats",
            Json.num("10.50")));
    valueAndSeal("P-BETA-001", "2400.00", "SEAL-B-0001");
    ledger.expectRefusal(
        "beta-buyer",
        "ProposeShipment",
        Json.obj(
            "shipmentId",
            "SH-BETA-001",
            "exporterLicence",
            "EXP-BETA-2026",
            "importer",
            Json.obj("name", "Dubai Rough DMCC", "country", "AE"),
            "parcelIds",
            Json.arr("P-BETA-001")),
        "ZONE_NOT_COMPLIANT");
    transfer("col-yakite", "beta-buyer", "LOT-003", "BO-BETA");
    valueAndSeal("LOT-003", "700.00", "SEAL-B-0002");
    ledger.submit(
        "beta-buyer",
        "ProposeShipment",
        Json.obj(
            "shipmentId",
            "SH-BETA-002",
            "exporterLicence",
            "EXP-BETA-2026",
            "importer",
            Json.obj("name", "Dubai Rough DMCC", "country", "AE"),
            "parcelIds",
            Json.arr("LOT-003")));
    ledger.submit(
        "mt-monitor",
        "RejectShipment",
        Json.obj(
            "shipmentId",
            "SH-BETA-002",
            "reason",
            "declared value 137 US$/ct is 45% below the BECDOR price list for Carnot goods"));
  }

  private void stockpile() {
    ledger.submit(
        "beta-buyer",
        "DeclareStockpile",
        Json.obj(
            "stockpileId",
            "ST-BANGUI-BETA",
            "declaredOn",
            today.minusDays(10).toString(),
            "location",
            "Bangui, PK0 strongroom",
            "items",
            Json.arr(
                Json.obj(
                    "parcelId",
                    "ST-BETA-01",
                    "carats",
                    Json.num("210.00"),
                    "zoneId",
                    "BERBERATI",
                    "acquiredOn",
                    "2012-11-14",
                    "description",
                    "bought before the suspension"),
                Json.obj(
                    "parcelId",
                    "ST-BETA-02",
                    "carats",
                    Json.num("340.50"),
                    "zoneId",
                    "CARNOT",
                    "acquiredOn",
                    "2014-06-02",
                    "description",
                    "bought during the suspension"),
                Json.obj(
                    "parcelId",
                    "ST-BETA-03",
                    "carats",
                    Json.num("95.25"),
                    "description",
                    "no purchase records"))));
    ledger.submit(
        "auditor-1",
        "ClearQuarantine",
        Json.obj(
            "parcelId",
            "ST-BETA-02",
            "auditReference",
            "FA-2026-007",
            "criteria",
            "purchase records and footprint consistent with Carnot production; MT criteria met"));
  }

  private void confiscation() {
    purchase("col-ndoumba", "AGR-0112", "LOT-008", "M-002", "S-BERB-01", "3.30", "800.00", -5);
    ledger.submit(
        "kp-inspector",
        "ConfiscateParcel",
        Json.obj(
            "parcelId",
            "LOT-008",
            "confiscationRef",
            "BMIS-2026-031",
            "reason",
            "found outside the declared route to Bangui"));
    ledger.submit(
        "kp-inspector",
        "DisposeConfiscation",
        Json.obj(
            "parcelId", "LOT-008", "disposition", "FORFEITED", "reason", "court order 2026/114"));
  }

  /** A shipment left proposed, for the Monitoring Team's review in the console. */
  private void awaitingReview() {
    purchase(
        "alpha-buyer", "EXP-ALPHA-2026", "LOT-009", "M-002", "S-BERB-01", "6.40", "1650.00", -3);
    valueAndSeal("LOT-009", "1650.00", "SEAL-A-0003");
    ledger.submit(
        "alpha-buyer",
        "ProposeShipment",
        Json.obj(
            "shipmentId",
            "SH-ALPHA-002",
            "exporterLicence",
            "EXP-ALPHA-2026",
            "importer",
            Json.obj("name", "Antwerp Rough Trading NV", "country", "BE"),
            "parcelIds",
            Json.arr("LOT-009")));
  }

  private void licence(
      String number, LicenceKind kind, String holder, int fromDays, int untilDays) {
    submit(
        registry.licence(
            number, kind, holder, today.plusDays(fromDays), today.plusDays(untilDays)));
  }

  private void site(String id, String name, String zone, String lat, String lon) {
    submit(registry.site(id, name, zone, new BigDecimal(lat), new BigDecimal(lon)));
  }

  private void miner(String id, String name, String site, int patenteUntilDays) {
    Patente patente =
        new Patente("PAT-" + id, today.minusDays(400), today.plusDays(patenteUntilDays));
    registry.miner(id, name, "CNI-" + id, site, patente).forEach(this::submit);
  }

  private void submit(RegistryCommand command) {
    ledger.submit(command.actor(), command.type(), command.payload());
  }

  private void purchase(
      String actor,
      String licence,
      String lot,
      String miner,
      String site,
      String carats,
      String price,
      int days) {
    ledger.submit(
        actor, "RecordPurchase", purchaseSlip(licence, lot, miner, site, carats, price, days));
  }

  private JsonNode purchaseSlip(
      String licence,
      String lot,
      String miner,
      String site,
      String carats,
      String price,
      int days) {
    return Json.obj(
        "lotId",
        lot,
        "slipNumber",
        "SLIP-" + lot,
        "minerId",
        miner,
        "siteId",
        site,
        "carats",
        Json.num(carats),
        "stoneCount",
        7,
        "priceUsd",
        Json.num(price),
        "buyerLicence",
        licence,
        "occurredAt",
        at(days));
  }

  private void transfer(String from, String to, String parcel, String toParty) {
    String id = "TR-" + parcel + "-" + toParty;
    ledger.submit(
        from,
        "OfferTransfer",
        Json.obj(
            "parcelId", parcel, "transferId", id, "toParty", toParty, "sealId", "BAG-" + parcel));
    String licence = "BO-ALPHA".equals(toParty) ? "EXP-ALPHA-2026" : "EXP-BETA-2026";
    ledger.submit(
        to,
        "AcceptTransfer",
        Json.obj("parcelId", parcel, "transferId", id, "receiverLicence", licence));
  }

  private void valueAndSeal(String parcel, String value, String seal) {
    ledger.submit(
        "becdor-valuer",
        "ValueParcel",
        Json.obj(
            "parcelId", parcel, "valueUsd", Json.num(value), "priceListVersion", "BECDOR-2026-Q3"));
    ledger.submit("becdor-valuer", "SealParcel", Json.obj("parcelId", parcel, "sealId", seal));
  }

  private String at(int days) {
    return day(days).toString();
  }

  private Instant day(int days) {
    return now.plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  }
}
