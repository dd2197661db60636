package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One buying office's shipments, from the merge of what it holds to the importing authority's
 * confirmation. Which step a shipment reaches depends on its number: one in ten is rejected by the
 * Monitoring Team, one in ten waits for its certificate, two in ten are exported but never
 * confirmed by the importing authority ({@link #neverConfirmed}), shipment 1 is confirmed with a
 * carat mismatch ({@link #confirmedWithMismatch}), the rest are confirmed as certified. These
 * unconfirmed and mismatched certificates are planted anomalies: the Monitoring Team's cross-check
 * ({@code GET /api/certificates/cross-check}) must list each.
 */
final class Shipments {
  private static final String[][] IMPORTERS = {
    {"Antwerp Rough Trading NV", "BE"}, {"Dubai Rough DMCC", "AE"}
  };

  private final Country country;
  private final Identities ids;
  private final int office;

  Shipments(Country country, Identities ids, int office) {
    this.country = country;
    this.ids = ids;
    this.office = office;
  }

  List<Step> lifecycle(int k, List<ExportPlan.Item> group, ExportPlan.Item extra) {
    String shipment = country.shipment(k);
    String buyer = country.buyer(office);
    long total = group.stream().mapToLong(ExportPlan.Item::cents).sum();
    List<Step> steps = new ArrayList<>();
    String merged = group.get(0).id();
    if (group.size() > 1) {
      merged = shipment + "-M";
      List<String> sources = group.stream().map(ExportPlan.Item::id).toList();
      steps.add(
          Step.accepted(
              merged,
              buyer,
              "MergeParcels",
              obj("parcelId", merged, "sourceParcelIds", sources, "carats", cents(total))));
    }
    long[] shares = total >= 300 ? new long[] {5, 3, 2} : new long[] {6, 4};
    List<ObjectNode> parts = new ArrayList<>();
    List<String> parcels = new ArrayList<>();
    List<Step> sealing = new ArrayList<>();
    long left = total;
    for (int p = 0; p < shares.length; p++) {
      long c = p == shares.length - 1 ? left : total * shares[p] / 10;
      left -= c;
      String id = shipment + "-" + (char) ('A' + p);
      parts.add(obj("parcelId", id, "carats", cents(c)));
      parcels.add(id);
      sealing.addAll(valueAndSeal(id, c));
    }
    steps.add(
        Step.accepted(
            shipment + "/split", buyer, "SplitParcel", obj("parcelId", merged, "parts", parts)));
    steps.addAll(sealing);
    if (extra != null) {
      steps.addAll(valueAndSeal(extra.id(), extra.cents()));
      parcels.add(extra.id());
      total += extra.cents();
    }
    steps.add(proposal(shipment, parcels, k % IMPORTERS.length, null));
    steps.addAll(fate(k, shipment, total, parcels.size()));
    return steps;
  }

  List<Step> valueAndSeal(String parcel, long cents) {
    long usdPerCarat = 180 + Math.floorMod(parcel.hashCode(), 8) * 20;
    return List.of(
        Step.accepted(
            parcel + "/value",
            ids.valuer,
            "ValueParcel",
            obj(
                "parcelId",
                parcel,
                "valueUsd",
                cents(cents * usdPerCarat),
                "priceListVersion",
                "BECDOR-" + country.yearEnd.getYear())),
        Step.accepted(
            parcel + "/seal",
            ids.valuer,
            "SealParcel",
            obj("parcelId", parcel, "sealId", parcel + "-SEAL")));
  }

  Step proposal(String shipment, List<String> parcels, int importer, String refusal) {
    ObjectNode p =
        obj(
            "shipmentId",
            shipment,
            "exporterLicence",
            country.exportLicence(office),
            "importer",
            obj("name", IMPORTERS[importer][0], "country", IMPORTERS[importer][1]),
            "parcelIds",
            parcels);
    return new Step(shipment + "/propose", country.buyer(office), "ProposeShipment", p, refusal);
  }

  /**
   * Whether shipment {@code k} of {@code shipments}, certified and exported, is never confirmed by
   * the importing authority: those numbered 7 and 9 modulo 10, and in a year of fewer than eight
   * shipments (which has neither) its last one.
   */
  static boolean neverConfirmed(int k, int shipments) {
    return k % 10 == 7 || k % 10 == 9 || (shipments < 8 && k == shipments - 1);
  }

  /** Whether shipment {@code k} is confirmed 1.50 ct lighter than its certificate: shipment 1. */
  static boolean confirmedWithMismatch(int k) {
    return k == 1;
  }

  /** Whether shipment {@code k} is certified and exported (not rejected, not left uncertified). */
  static boolean exported(int k) {
    return k % 10 != 4 && k % 10 != 8;
  }

  private List<Step> fate(int k, String shipment, long cents, int parcels) {
    List<Step> steps = new ArrayList<>();
    if (k % 10 == 4) { // rejected
      steps.add(
          Step.accepted(
              shipment + "/reject",
              ids.monitor,
              "RejectShipment",
              obj(
                  "shipmentId",
                  shipment,
                  "reason",
                  "declared value well below the BECDOR price list for these goods")));
      return steps;
    }
    steps.add(
        Step.accepted(
            shipment + "/approve",
            ids.monitor,
            "ApproveShipment",
            obj("shipmentId", shipment, "decisionRef", "MT review " + shipment)));
    if (k % 10 == 8) { // waits for its certificate
      return steps;
    }
    String certificate = country.certificate(k);
    steps.add(
        Step.accepted(
            shipment + "/certificate",
            ids.certifier,
            "IssueCertificate",
            obj(
                "certificateNumber",
                certificate,
                "shipmentId",
                shipment,
                "issuedOn",
                country.yearEnd.toString(),
                "expiresOn",
                country.yearEnd.plusDays(60).toString(),
                "hsCode",
                "7102.31")));
    steps.add(
        Step.accepted(
            shipment + "/export",
            country.buyer(office),
            "ExportShipment",
            obj("shipmentId", shipment)));
    if (neverConfirmed(k, country.scale.shipments())) {
      return steps;
    }
    String[] importer = IMPORTERS[k % IMPORTERS.length];
    long received = confirmedWithMismatch(k) ? cents - 150 : cents; // 1.50 ct light
    steps.add(
        Step.accepted(
            shipment + "/confirm",
            Identities.importOfficer(country.prefix, importer[1]),
            "ConfirmImport",
            obj(
                "certificateNumber",
                certificate,
                "receivedOn",
                country.yearEnd.toString(),
                "carats",
                cents(received),
                "parcelCount",
                parcels,
                "importerName",
                importer[0],
                "exporter",
                country.office(office))));
    return steps;
  }
}
