package org.kpledger.api;

import static org.kpledger.api.CarFixture.arr;
import static org.kpledger.api.CarFixture.num;
import static org.kpledger.api.CarFixture.obj;

/**
 * The hand-built scenario whose answers the read-side tests know exactly (ids under a prefix):
 *
 * <pre>
 * LOT-A 12.40 ct  M-1 at S-W (west)  bought by the collector 20 days ago  -> BO-ALPHA today
 * LOT-B  7.60 ct  M-2 at S-W (west)  bought by the collector 18 days ago  -> BO-ALPHA today
 * LOT-C 10.00 ct  M-1 at S-W (west)  bought by BO-ALPHA    15 days ago
 * LOT-D  5.00 ct  M-2 at S-W (west)  bought by BO-BETA      5 days ago  (a competitor's)
 * LOT-E  3.00 ct  M-E at S-E (east, suspended since 2013-05-23) bought by the collector 10 days
 *                 ago -> BO-ALPHA; east declared compliant again from today
 * P-1 = merge(LOT-A, LOT-B, LOT-C) 30.00 -> split P-1A 20.00, P-1B 10.00; valued 4000 and 2000 USD
 * SH-1 = P-1A + P-1B, approved, certificate CF-{prefix}0001, exported, import confirmed (matching)
 * LOT-F  4.00 ct  M-2 by BO-ALPHA 3 days ago -> SH-2, CF-{prefix}0002, exported, not confirmed
 * LOT-G  2.00 ct  M-2 by BO-ALPHA 1 day ago  -> SH-3, CF-{prefix}0003, confirmed with 1.90 ct
 * stockpile ST-1 of BO-ALPHA: STK-1 12.00 west 2012-03-01; STK-2 8.00 west 2014-06-01
 *                 (quarantined, then cleared by audit AUD-7); STK-3 2.00 undocumented
 * refused: beta-buyer offering P-1A (not the holder); BO-ALPHA proposing SH-X with LOT-E (zone)
 * </pre>
 *
 * The collector is the scenario's own ({@code col-<prefix>mbali}), so its answers are exact even
 * though test classes share one node.
 */
final class TraceScenario {
  /** The prefix of the scenario the read-side test classes share. */
  static final String SHARED = "TS-";

  private static CarFixture shared;

  private TraceScenario() {}

  /** Builds the shared scenario once per node (test classes share one node and database). */
  static synchronized CarFixture shared(CarFixture.Submitter ledger, Refuser refuser) {
    if (shared == null) {
      shared = build(ledger, refuser, SHARED);
    }
    return shared;
  }

  /** The scenario's own collector. */
  static String collector(String p) {
    return "col-" + p.toLowerCase(java.util.Locale.ROOT) + "mbali";
  }

  /** The certificate number of shipment {@code n}. */
  static String certificate(String p, int n) {
    return "CF-" + p + "000" + n;
  }

  static CarFixture build(CarFixture.Submitter ledger, Refuser refuser, String p) {
    String col = collector(p);
    LedgerTestBase.PKI.actor("COLL-MK", col, org.kpledger.identity.Role.COLLECTOR);
    CarFixture car = new CarFixture(ledger, p).setUp();
    car.licence("AGR-M", "AGREMENT", col, 400);
    ledger.ok(col, "RecordPurchase", car.purchase("LOT-A", "M-1", "S-W", "12.40", "AGR-M", 20));
    ledger.ok(col, "RecordPurchase", car.purchase("LOT-B", "M-2", "S-W", "7.60", "AGR-M", 18));
    ledger.ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-C", "M-1", "S-W", "10.00", "EXP-ALPHA", 15));
    ledger.ok(
        "beta-buyer", "RecordPurchase", car.purchase("LOT-D", "M-2", "S-W", "5.00", "EXP-BETA", 5));
    ledger.ok(col, "RecordPurchase", car.purchase("LOT-E", "M-E", "S-E", "3.00", "AGR-M", 10));
    for (String lot : new String[] {"LOT-A", "LOT-B", "LOT-E"}) {
      ledger.ok(
          col,
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
      ledger.ok(
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
    ledger.ok(
        "alpha-buyer",
        "MergeParcels",
        obj(
            "parcelId",
            p + "P-1",
            "sourceParcelIds",
            arr(p + "LOT-A", p + "LOT-B", p + "LOT-C"),
            "carats",
            num("30.00")));
    ledger.ok(
        "alpha-buyer",
        "SplitParcel",
        obj(
            "parcelId",
            p + "P-1",
            "parts",
            arr(
                obj("parcelId", p + "P-1A", "carats", num("20.00")),
                obj("parcelId", p + "P-1B", "carats", num("10.00")))));
    refuser.refuse(
        "beta-buyer",
        "OfferTransfer",
        obj(
            "parcelId",
            p + "P-1A",
            "transferId",
            p + "TR-STEAL",
            "toParty",
            "BO-BETA",
            "sealId",
            "BAG-X"));
    valueAndSeal(ledger, p + "P-1A", "4000.00");
    valueAndSeal(ledger, p + "P-1B", "2000.00");
    export(ledger, car, 1, p + "P-1A", p + "P-1B");
    confirm(ledger, car, 1, "30.00", 2);
    ledger.ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-F", "M-2", "S-W", "4.00", "EXP-ALPHA", 3));
    ledger.ok(
        "alpha-buyer",
        "RecordPurchase",
        car.purchase("LOT-G", "M-2", "S-W", "2.00", "EXP-ALPHA", 1));
    valueAndSeal(ledger, p + "LOT-F", "800.00");
    valueAndSeal(ledger, p + "LOT-G", "400.00");
    export(ledger, car, 2, p + "LOT-F");
    export(ledger, car, 3, p + "LOT-G");
    confirm(ledger, car, 3, "1.90", 1);
    car.decision(car.east(), "COMPLIANT", car.today.toString(), "MT-EAST-LATER");
    valueAndSeal(ledger, p + "LOT-E", "300.00");
    refuser.refuse(
        "alpha-buyer",
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-X",
            "exporterLicence",
            p + "EXP-ALPHA",
            "importer",
            obj("name", "Dubai DMCC", "country", "AE"),
            "parcelIds",
            arr(p + "LOT-E")));
    ledger.ok(
        "alpha-buyer",
        "DeclareStockpile",
        obj(
            "stockpileId",
            p + "ST-1",
            "declaredOn",
            car.today.toString(),
            "location",
            "Bangui vault",
            "items",
            arr(
                obj(
                    "parcelId",
                    p + "STK-1",
                    "carats",
                    num("12.00"),
                    "zoneId",
                    car.west(),
                    "acquiredOn",
                    "2012-03-01",
                    "description",
                    "pre-suspension"),
                obj(
                    "parcelId",
                    p + "STK-2",
                    "carats",
                    num("8.00"),
                    "zoneId",
                    car.west(),
                    "acquiredOn",
                    "2014-06-01",
                    "description",
                    "during suspension"),
                obj(
                    "parcelId",
                    p + "STK-3",
                    "carats",
                    num("2.00"),
                    "description",
                    "undocumented"))));
    ledger.ok(
        "auditor-1",
        "ClearQuarantine",
        obj(
            "parcelId",
            p + "STK-2",
            "auditReference",
            "AUD-7",
            "criteria",
            "MT criteria 2016: footprint and purchase records"));
    return car;
  }

  private static void export(
      CarFixture.Submitter ledger, CarFixture car, int n, String... parcels) {
    certify(ledger, car, n, "alpha-buyer", "EXP-ALPHA", parcels);
    ledger.ok("alpha-buyer", "ExportShipment", obj("shipmentId", car.p + "SH-" + n));
  }

  /**
   * Shipment SH-{n} of the parcels, proposed by {@code buyer} under its export licence, approved by
   * the Monitoring Team and certified today as {@link #certificate}(p, n).
   */
  static void certify(
      CarFixture.Submitter ledger,
      CarFixture car,
      int n,
      String buyer,
      String licence,
      String... parcels) {
    certifyFor(ledger, car, n, buyer, licence, "BE", parcels);
  }

  /**
   * As {@link #certify}, for an importer in {@code country}: Antwerp Rough NV in Belgium ({@code
   * BE}), otherwise an importer named after the country.
   */
  static void certifyFor(
      CarFixture.Submitter ledger,
      CarFixture car,
      int n,
      String buyer,
      String licence,
      String country,
      String... parcels) {
    String p = car.p;
    String importer = "BE".equals(country) ? "Antwerp Rough NV" : "Importer " + country;
    ledger.ok(
        buyer,
        "ProposeShipment",
        obj(
            "shipmentId",
            p + "SH-" + n,
            "exporterLicence",
            p + licence,
            "importer",
            obj("name", importer, "country", country),
            "parcelIds",
            arr((Object[]) parcels)));
    ledger.ok(
        "mt-monitor",
        "ApproveShipment",
        obj("shipmentId", p + "SH-" + n, "decisionRef", "MT-" + p + n));
    ledger.ok(
        "kp-certifier",
        "IssueCertificate",
        obj(
            "certificateNumber",
            certificate(p, n),
            "shipmentId",
            p + "SH-" + n,
            "issuedOn",
            car.today.toString(),
            "expiresOn",
            car.today.plusDays(30).toString(),
            "hsCode",
            "7102.31"));
  }

  private static void confirm(
      CarFixture.Submitter ledger, CarFixture car, int n, String carats, int parcels) {
    ledger.ok(
        "be-officer",
        "ConfirmImport",
        obj(
            "certificateNumber",
            certificate(car.p, n),
            "receivedOn",
            car.today.toString(),
            "carats",
            num(carats),
            "parcelCount",
            parcels,
            "importerName",
            "Antwerp Rough NV",
            "exporter",
            "BO-ALPHA"));
  }

  /** The valuation office values and seals the parcel. */
  static void valueAndSeal(CarFixture.Submitter ledger, String parcel, String usd) {
    ledger.ok(
        "becdor-valuer",
        "ValueParcel",
        obj("parcelId", parcel, "valueUsd", num(usd), "priceListVersion", "BECDOR-2026-Q3"));
    ledger.ok("becdor-valuer", "SealParcel", obj("parcelId", parcel, "sealId", "SEAL-" + parcel));
  }

  /** Submits a command that a custody rule must refuse. */
  interface Refuser {
    void refuse(String actor, String type, com.fasterxml.jackson.databind.JsonNode payload);
  }
}
