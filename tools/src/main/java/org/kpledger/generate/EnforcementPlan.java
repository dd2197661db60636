package org.kpledger.generate;

import static org.kpledger.generate.Payload.obj;

import java.util.ArrayList;
import java.util.List;

/**
 * Inspections: a collector's loose lot is confiscated, then forfeited, returned or left pending;
 * the collector's attempt to move a lot still confiscated is refused (PARCEL_CONFISCATED), as is a
 * buying office's attempt to move a lot it does not hold (NOT_HOLDER).
 */
final class EnforcementPlan {
  private final Country country;
  private final Identities ids;
  private final PurchasePlan purchases;

  EnforcementPlan(Country country, Identities ids, PurchasePlan purchases) {
    this.country = country;
    this.ids = ids;
    this.purchases = purchases;
  }

  int chains() {
    return country.scale.confiscations();
  }

  Chain chain(int j) {
    int c =
        (1 + j * Math.max(1, country.scale.collectors() / chains())) % country.scale.collectors();
    List<Integer> loose = purchases.looseOf(c);
    List<Step> steps = new ArrayList<>();
    if (loose.size() < 2) {
      return new Chain("enforcement/" + j, steps);
    }
    String lot = country.lot(loose.get(0));
    steps.add(
        Step.accepted(
            lot + "/confiscate",
            ids.inspector,
            "ConfiscateParcel",
            obj(
                "parcelId",
                lot,
                "confiscationRef",
                String.format("BMIS-%s-%03d", country.prefix, j),
                "reason",
                "found outside the declared route to Bangui")));
    if (j % 3 == 2) {
      steps.add(
          offer(
              lot,
              country.collector(c),
              country.office(country.officeOf(c)),
              "PARCEL_CONFISCATED"));
    } else {
      boolean forfeit = j % 3 == 0;
      steps.add(
          Step.accepted(
              lot + "/dispose",
              ids.inspector,
              "DisposeConfiscation",
              obj(
                  "parcelId",
                  lot,
                  "disposition",
                  forfeit ? "FORFEITED" : "RETURNED",
                  "reason",
                  forfeit ? "court order: goods forfeited" : "papers produced within the delay")));
    }
    int b = (country.officeOf(c) + 1) % country.scale.offices();
    String other = country.lot(loose.get(1));
    steps.add(offerBy(country.buyer(b), other, country.office(b), "NOT_HOLDER"));
    return new Chain("enforcement/" + j, steps);
  }

  private Step offer(String lot, String actor, String to, String rule) {
    return offerBy(actor, lot, to, rule);
  }

  private Step offerBy(String actor, String lot, String to, String rule) {
    return Step.refused(
        lot + "/offer-by-" + actor,
        actor,
        "OfferTransfer",
        obj("parcelId", lot, "transferId", lot + "-TRX", "toParty", to, "sealId", lot + "-SEAL"),
        rule);
  }
}
