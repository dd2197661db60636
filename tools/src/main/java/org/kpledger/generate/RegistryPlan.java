package org.kpledger.generate;

import static org.kpledger.generate.Payload.cents;
import static org.kpledger.generate.Payload.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The registers a year's trade stands on: zones with their dated decisions, sites, licences
 * (agréments, export licences, patentes) and miners, then each miner's production per quarter,
 * recorded before any purchase so no sale ever exceeds a site's recorded production (at the sites
 * {@link Country#declaresInBulk} plants, the whole year's in one entry on its first day).
 */
final class RegistryPlan {
  private static final String[] FIRST = {
    "Jean-Pierre",
    "Clarisse",
    "Albert",
    "Sylvie",
    "Idriss",
    "Thierry",
    "Odette",
    "Martial",
    "Rosine",
    "Faustin",
    "Blaise",
    "Nadège"
  };
  private static final String[] LAST = {
    "Ndoumba",
    "Feindiro",
    "Yakoma",
    "Gbazi",
    "Mahamat",
    "Kossi",
    "Zanga",
    "Ngaïkoumon",
    "Sambia",
    "Wabo",
    "Dondra",
    "Kpéma"
  };

  private final Country country;
  private final Identities ids;
  private final long[][] sales;

  RegistryPlan(Country country, Identities ids, PurchaseBook book) {
    this.country = country;
    this.ids = ids;
    this.sales = book.salesByMinerAndQuarter();
  }

  List<Phase> phases() {
    int zones = country.zones.size();
    int sites = country.scale.sites();
    int collectors = country.scale.collectors();
    return List.of(
        new Phase("zones", zones, this::zone),
        new Phase(
            "sites and licences",
            sites + collectors + country.scale.offices(),
            i ->
                i < sites
                    ? site(i)
                    : i < sites + collectors
                        ? agrement(i - sites)
                        : exportLicence(i - sites - collectors)),
        new Phase("miners and production", country.scale.miners(), this::miner));
  }

  private Chain zone(int z) {
    String[] row = country.zones.get(z);
    String zoneId = country.zone(row[0]);
    List<Step> steps = new ArrayList<>();
    steps.add(
        Step.accepted(
            "zone/" + row[0],
            ids.registrar,
            "RegisterZone",
            obj("zoneId", zoneId, "name", row[1], "prefecture", row[2])));
    int n = 0;
    for (String[] d : country.decisions) {
      if (d[0].equals("ALL") || d[0].equals(row[0])) {
        steps.add(
            Step.accepted(
                "zone/" + row[0] + "/decision/" + n++,
                ids.monitor,
                "RecordZoneDecision",
                obj("zoneId", zoneId, "status", d[1], "effectiveFrom", d[2], "decisionRef", d[3])));
      }
    }
    return new Chain("zone/" + row[0], steps);
  }

  private Chain site(int s) {
    String name = country.siteZone[s].charAt(0) + country.siteZone[s].substring(1).toLowerCase();
    return single(
        "site/" + s,
        ids.registrar,
        "RegisterSite",
        obj(
            "siteId",
            country.site(s),
            "name",
            name + " diggings " + s,
            "zoneId",
            country.zone(country.siteZone[s])));
  }

  private Chain agrement(int c) {
    return single(
        "agrement/" + c,
        ids.registrar,
        "IssueLicence",
        licence(country.agrement(c), "AGREMENT", country.collector(c), country.yearEnd));
  }

  private Chain exportLicence(int b) {
    return single(
        "export-licence/" + b,
        ids.registrar,
        "IssueLicence",
        licence(country.exportLicence(b), "EXPORT_LICENCE", country.office(b), country.yearEnd));
  }

  private Chain miner(int m) {
    String key = "miner/" + m;
    LocalDate until =
        Country.lapses(m)
            ? country.yearStart.plusDays(Country.LAPSE_DAY - 1L)
            : country.yearEnd.plusDays(400);
    List<Step> steps = new ArrayList<>();
    steps.add(
        Step.accepted(
            key + "/patente",
            ids.registrar,
            "IssueLicence",
            licence(country.patente(m), "PATENTE", country.miner(m), until)));
    steps.add(
        Step.accepted(
            key,
            ids.registrar,
            "RegisterMiner",
            obj(
                "minerId",
                country.miner(m),
                "fullName",
                FIRST[m % FIRST.length] + " " + LAST[(m / FIRST.length) % LAST.length],
                "identityDocument",
                String.format("CNI-%s-%06d", country.prefix, m),
                "patenteNumber",
                country.patente(m),
                "siteId",
                country.site(country.siteOf(m)))));
    if (country.declaresInBulk(country.siteOf(m))) {
      long year = 0;
      for (int q = 0; q < 4; q++) {
        year += (sales[m][q] * 11 + 9) / 10;
      }
      if (year > 0) {
        steps.add(production(key + "/production/year", m, "-YEAR", year, 0));
      }
      return new Chain(key, steps);
    }
    for (int q = 0; q < 4; q++) {
      if (sales[m][q] > 0) {
        // the register shows somewhat more than was sold: not every stone finds a buyer
        long carats = (sales[m][q] * 11 + 9) / 10;
        steps.add(production(key + "/production/" + q, m, "-Q" + (q + 1), carats, q * 91));
      }
    }
    return new Chain(key, steps);
  }

  private Step production(String key, int m, String suffix, long carats, int day) {
    return Step.accepted(
        key,
        ids.registrar,
        "RecordProduction",
        obj(
            "siteId",
            country.site(country.siteOf(m)),
            "entryId",
            country.miner(m) + suffix,
            "minerId",
            country.miner(m),
            "carats",
            cents(carats),
            "stoneCount",
            (int) Math.max(1, carats / 40),
            "occurredAt",
            country.at(day, 5 * 3600).toString()));
  }

  /** Total recorded production of a site, in hundredths of a carat. */
  long productionOf(int site) {
    long total = 0;
    for (int m : country.minersAt.get(site)) {
      for (int q = 0; q < 4; q++) {
        total += (sales[m][q] * 11 + 9) / 10;
      }
    }
    return total;
  }

  private ObjectNode licence(String number, String kind, String holder, LocalDate until) {
    return obj(
        "licenceNumber",
        number,
        "kind",
        kind,
        "holderId",
        holder,
        "validFrom",
        country.yearStart.minusDays(400).toString(),
        "validUntil",
        until.toString());
  }

  private static Chain single(String key, String actor, String type, ObjectNode payload) {
    return new Chain(key, List.of(Step.accepted(key, actor, type, payload)));
  }
}
