package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each buying office's exports: what it bought and received is merged in date order, split into
 * export parcels, valued and sealed by BECDOR, and proposed in shipments that the Monitoring Team
 * approves or rejects, the KP authority certifies, the office exports and the importing authority
 * confirms (once with a mismatch); the last share stays in stock. Goods from non-compliant zones
 * are proposed too and refused by the export gate. The first office also declares the Bangui
 * stockpile, gets one quarantined item cleared by a forensic audit and ships it.
 */
final class ExportPlan {
  /** Something an office holds: a received bag, a lot it bought, a cleared stockpile item. */
  record Item(String id, long cents, int day) {}

  private final Country country;
  private final Identities ids;
  private final PurchaseBook book;
  private final PurchasePlan purchases;
  private final Stockpile stockpile;

  ExportPlan(Country country, Identities ids, PurchaseBook book, PurchasePlan purchases) {
    this.country = country;
    this.ids = ids;
    this.book = book;
    this.purchases = purchases;
    this.stockpile = new Stockpile(country, ids);
  }

  Phase phase(EnforcementPlan enforcement) {
    int offices = country.scale.offices();
    return new Phase(
        "exports and enforcement",
        offices + enforcement.chains(),
        i -> i < offices ? office(i) : enforcement.chain(i - offices));
  }

  /** The compliant goods an office holds before shipping, in date order. */
  List<Item> holdings(int b) {
    List<Item> items = new ArrayList<>();
    for (int c = b; c < country.scale.collectors(); c += country.scale.offices()) {
      if (!Country.eastern(c)) {
        purchases
            .bagsOf(c)
            .forEach(
                bag -> items.add(new Item(bag.id(), purchases.carats(bag.slips()), bag.lastDay())));
      }
    }
    for (int i : book.slipsOf(-(b + 1))) {
      items.add(new Item(country.lot(i), book.caratCents[i], book.day[i]));
    }
    items.sort(Comparator.comparingInt(Item::day).thenComparing(Item::id));
    return items;
  }

  private Chain office(int b) {
    Shipments shipments = new Shipments(country, ids, b);
    List<Step> steps = new ArrayList<>();
    if (b == 0) {
      steps.addAll(stockpile.declareAndClear());
    }
    List<Integer> mine = new ArrayList<>();
    for (int k = b; k < country.scale.shipments(); k += country.scale.offices()) {
      mine.add(k);
    }
    List<Item> items = holdings(b);
    int groups = mine.size() + 1; // the last share stays in stock at the year's end
    for (int j = 0; j < mine.size(); j++) {
      List<Item> group =
          new ArrayList<>(
              items.subList(j * items.size() / groups, (j + 1) * items.size() / groups));
      if (group.isEmpty()) {
        continue;
      }
      Item extra = b == 0 && j == 0 ? stockpile.cleared() : null;
      steps.addAll(shipments.lifecycle(mine.get(j), group, extra));
    }
    steps.addAll(eastern(b, shipments));
    if (b == 0) {
      steps.addAll(stockpile.quarantinedAttempt(shipments));
    }
    return new Chain("office/" + b, steps);
  }

  /** Goods from the non-compliant east: merged, valued, sealed, proposed, refused at the gate. */
  private List<Step> eastern(int b, Shipments shipments) {
    List<String> bags = new ArrayList<>();
    long cents = 0;
    for (int c = b; c < country.scale.collectors(); c += country.scale.offices()) {
      if (Country.eastern(c)) {
        for (PurchasePlan.Bag bag : purchases.bagsOf(c)) {
          bags.add(bag.id());
          cents += purchases.carats(bag.slips());
        }
      }
    }
    if (bags.isEmpty()) {
      return List.of();
    }
    List<Step> steps = new ArrayList<>();
    String parcel = bags.get(0);
    if (bags.size() > 1) {
      parcel = country.office(b) + "-EAST";
      steps.add(
          Step.accepted(
              parcel,
              country.buyer(b),
              "MergeParcels",
              obj("parcelId", parcel, "sourceParcelIds", bags, "carats", cents(cents))));
    }
    steps.addAll(shipments.valueAndSeal(parcel, cents));
    steps.add(
        shipments.proposal(
            country.office(b) + "-SH-EAST", List.of(parcel), 0, "ZONE_NOT_COMPLIANT"));
    return steps;
  }
}
