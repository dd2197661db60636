package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import java.util.ArrayList;
import java.util.List;

/**
 * The Bangui stockpile of the first buying office (kp-facts rule 9): an item bought before the 2013
 * suspension, one bought during it, one without records (all three quarantined) and one bought
 * after its zone's compliance. A forensic audit clears the item bought during the suspension, which
 * then ships; an attempt to ship the undocumented one is refused.
 */
final class Stockpile {
  private final Country country;
  private final Identities ids;

  Stockpile(Country country, Identities ids) {
    this.country = country;
    this.ids = ids;
  }

  String id() {
    return country.prefix + "-ST-BANGUI";
  }

  String item(int n) {
    return id() + "-" + n;
  }

  List<Step> declareAndClear() {
    List<Object> items = new ArrayList<>();
    items.add(item(1, 21000, "BERBERATI", "2012-11-14", "bought before the suspension"));
    items.add(item(2, 34050, "CARNOT", "2014-06-02", "bought during the suspension"));
    items.add(
        obj("parcelId", item(3), "carats", cents(9525), "description", "no purchase records"));
    items.add(item(4, 12000, "NOLA", "2018-03-10", "bought after Nola's compliance"));
    return List.of(
        Step.accepted(
            id(),
            country.buyer(0),
            "DeclareStockpile",
            obj(
                "stockpileId",
                id(),
                "declaredOn",
                country.yearStart.plusDays(60).toString(),
                "location",
                "Bangui, PK0 strongroom",
                "items",
                items)),
        Step.accepted(
            item(2) + "/clear",
            ids.auditor,
            "ClearQuarantine",
            obj(
                "parcelId",
                item(2),
                "auditReference",
                "FA-" + country.prefix + "-007",
                "criteria",
                "purchase records and footprint consistent with Carnot production; MT criteria met")));
  }

  /** The cleared item, shipped with the first office's first shipment. */
  ExportPlan.Item cleared() {
    return new ExportPlan.Item(item(2), 34050, 0);
  }

  /** The undocumented item, valued and sealed, then proposed: STOCKPILE_QUARANTINED. */
  List<Step> quarantinedAttempt(Shipments shipments) {
    List<Step> steps = new ArrayList<>(shipments.valueAndSeal(item(3), 9525));
    steps.add(shipments.proposal(id() + "-SH", List.of(item(3)), 0, "STOCKPILE_QUARANTINED"));
    return steps;
  }

  private Object item(int n, long cents, String zone, String acquiredOn, String description) {
    return obj(
        "parcelId",
        item(n),
        "carats",
        cents(cents),
        "zoneId",
        country.zone(zone),
        "acquiredOn",
        acquiredOn,
        "description",
        description);
  }
}
