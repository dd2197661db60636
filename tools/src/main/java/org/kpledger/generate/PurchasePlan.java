package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The year's buying: each collector records its slips in field order and, every twenty lots, merges
 * them into a bag and hands it over to its buying office (offer, acceptance); its last few lots
 * stay loose in its hands. Buying offices also buy directly. Validly signed purchases the rules
 * refuse are attempted too: from miners whose patente lapsed, and above a site's recorded
 * production. Each buying office's chain ends with the purchase jumps planted on it ({@link
 * PlantedJumps}).
 */
final class PurchasePlan {
  static final int BAG_SIZE = 20;
  static final int LOOSE = 3;

  /** A collector's bag: the merged parcel and the slips whose lots went into it. */
  record Bag(String id, List<Integer> slips, int lastDay) {}

  private final Country country;
  private final Identities ids;
  private final PurchaseBook book;
  private final RegistryPlan registry;
  private final PlantedJumps jumps;

  PurchasePlan(
      Country country,
      Identities ids,
      PurchaseBook book,
      RegistryPlan registry,
      PlantedJumps jumps) {
    this.country = country;
    this.ids = ids;
    this.book = book;
    this.registry = registry;
    this.jumps = jumps;
  }

  Phase phase() {
    int collectors = country.scale.collectors();
    return new Phase(
        "purchases and hand-overs",
        collectors + country.scale.offices(),
        i -> i < collectors ? collector(i) : office(i - collectors));
  }

  List<Bag> bagsOf(int c) {
    List<Integer> slips = book.slipsOf(c);
    int bagged = Math.max(0, slips.size() - LOOSE);
    List<Bag> bags = new ArrayList<>();
    for (int from = 0; from + 1 < bagged; from += BAG_SIZE) {
      int to = Math.min(bagged, from + BAG_SIZE);
      if (bagged - to == 1) {
        to = bagged; // a merge needs two sources: the odd lot joins this bag
      }
      List<Integer> in = slips.subList(from, to);
      bags.add(new Bag(country.bag(c, bags.size()), in, book.day[in.get(in.size() - 1)]));
      from = to - BAG_SIZE;
    }
    return bags;
  }

  /** The lots a collector still holds at the year's end. */
  List<Integer> looseOf(int c) {
    List<Integer> slips = book.slipsOf(c);
    int bagged = bagsOf(c).stream().mapToInt(b -> b.slips().size()).sum();
    return slips.subList(bagged, slips.size());
  }

  long carats(List<Integer> slips) {
    return slips.stream().mapToLong(i -> book.caratCents[i]).sum();
  }

  private Chain collector(int c) {
    String actor = country.collector(c);
    String party = country.office(country.officeOf(c));
    String buyer = country.buyer(country.officeOf(c));
    List<Step> steps = new ArrayList<>();
    List<Bag> bags = bagsOf(c);
    int next = 0;
    for (int i : book.slipsOf(c)) {
      steps.add(purchase(i, actor, country.agrement(c)));
      if (next < bags.size()
          && bags.get(next).slips().get(bags.get(next).slips().size() - 1) == i) {
        Bag bag = bags.get(next++);
        steps.add(
            Step.accepted(
                bag.id(),
                actor,
                "MergeParcels",
                obj(
                    "parcelId",
                    bag.id(),
                    "sourceParcelIds",
                    bag.slips().stream().map(country::lot).toList(),
                    "carats",
                    cents(carats(bag.slips())))));
        String transfer = bag.id() + "-TR";
        steps.add(
            Step.accepted(
                transfer + "/offer",
                actor,
                "OfferTransfer",
                obj(
                    "parcelId",
                    bag.id(),
                    "transferId",
                    transfer,
                    "toParty",
                    party,
                    "sealId",
                    bag.id() + "-SEAL")));
        steps.add(
            Step.accepted(
                transfer + "/accept",
                buyer,
                "AcceptTransfer",
                obj(
                    "parcelId",
                    bag.id(),
                    "transferId",
                    transfer,
                    "receiverLicence",
                    country.exportLicence(country.officeOf(c)))));
      }
    }
    steps.addAll(refusedPurchases(c, actor));
    return new Chain("collector/" + c, steps);
  }

  private Chain office(int b) {
    List<Step> steps = new ArrayList<>();
    for (int i : book.slipsOf(-(b + 1))) {
      steps.add(purchase(i, country.buyer(b), country.exportLicence(b)));
    }
    steps.addAll(
        jumps.stepsOf(
            b,
            ids.registrar,
            (miner, slip) ->
                slip(
                    slip.lot(),
                    slip.lot() + "-SL",
                    miner,
                    slip.caratCents(),
                    slip.priceCents(),
                    country.exportLicence(b),
                    country.at(slip.day(), slip.second()).toString())));
    return new Chain("office-purchases/" + b, steps);
  }

  private Step purchase(int i, String actor, String licence) {
    return Step.accepted(
        "slip/" + i,
        actor,
        "RecordPurchase",
        slip(
            country.lot(i),
            country.lot(i).replace("-L-", "-SL-"),
            book.miner[i],
            book.caratCents[i],
            book.priceCents[i],
            licence,
            book.occurredAt(i).toString()));
  }

  private ObjectNode slip(
      String lot,
      String slipNumber,
      int miner,
      long caratCents,
      long priceCents,
      String licence,
      String occurredAt) {
    return obj(
        "lotId",
        lot,
        "slipNumber",
        slipNumber,
        "minerId",
        country.miner(miner),
        "siteId",
        country.site(country.siteOf(miner)),
        "carats",
        cents(caratCents),
        "stoneCount",
        (int) Math.max(1, caratCents / 30),
        "priceUsd",
        cents(priceCents),
        "buyerLicence",
        licence,
        "occurredAt",
        occurredAt);
  }

  /**
   * A lapsed miner's stones offered after the lapse (PATENTE_NOT_VALID), and a slip above all of a
   * site's recorded production (SALES_EXCEED_PRODUCTION): refused whatever order the threads run.
   */
  private List<Step> refusedPurchases(int c, String actor) {
    List<Step> out = new ArrayList<>();
    int collectors = country.scale.collectors();
    for (int m = c; m < country.scale.miners(); m += collectors) {
      if (Country.lapses(m)) {
        String lot = String.format("%s-LX-%05d", country.prefix, m);
        ObjectNode p = slipAt(lot, m, Country.LAPSE_DAY + 30, 150, country.agrement(c));
        out.add(Step.refused(lot, actor, "RecordPurchase", p, "PATENTE_NOT_VALID"));
      }
    }
    for (int s = c; s < country.scale.sites(); s += collectors) {
      int miner =
          country.minersAt.get(s).stream().filter(m -> !Country.lapses(m)).findFirst().orElse(-1);
      if (s % 30 == 0 && miner >= 0) {
        String lot = String.format("%s-LP-%04d", country.prefix, s);
        long carats = Math.min(10_000_000L, registry.productionOf(s) + jumps.productionAt(s) + 100);
        ObjectNode p = slipAt(lot, miner, 200, carats, country.agrement(c));
        out.add(Step.refused(lot, actor, "RecordPurchase", p, "SALES_EXCEED_PRODUCTION"));
      }
    }
    return out;
  }

  private ObjectNode slipAt(String lot, int miner, int day, long carats, String licence) {
    return obj(
        "lotId", lot,
        "slipNumber", lot + "-SL",
        "minerId", country.miner(miner),
        "siteId", country.site(country.siteOf(miner)),
        "carats", cents(carats),
        "stoneCount", 5,
        "priceUsd", cents(carats * 200),
        "buyerLicence", licence,
        "occurredAt", country.at(day, 10 * 3600).toString());
  }
}
